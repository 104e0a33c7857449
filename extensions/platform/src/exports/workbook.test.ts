import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { columnTotal, defineSheet, displayWidth, sheetName, workbookBuffer, type SheetColumn } from './workbook';

interface Line {
  name: string;
  id: string;
  day: string | null;
  amount: number | null;
}

const lines: Line[] = [
  { name: '张三', id: '510802199001011234', day: '2026-03-01', amount: 0.1 },
  { name: '李四', id: '51080219900101123X', day: null, amount: 0.2 },
  { name: '王五', id: '510802199001015678', day: '2026-03-31', amount: null },
];

const columns: SheetColumn<Line>[] = [
  { header: '姓名', value: (l) => l.name },
  { header: '证件号码', value: (l) => l.id, format: 'text' },
  { header: '日期', value: (l) => l.day, format: 'date' },
  { header: '金额(元)', value: (l) => l.amount, format: 'money', total: 'sum' },
  { header: '有日期', value: (l) => l.day, total: 'count' },
];

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('workbook writer', () => {
  test('writes caption, frozen bold header, typed cells and a totals row', async () => {
    const buffer = await workbookBuffer([defineSheet({ name: '测试', caption: ['标题', '说明'], columns, rows: lines, totals: { label: '合计' } })]);
    const sheet = (await readBack(buffer)).getWorksheet('测试');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('A1').value).toBe('标题');
    expect(sheet.getRow(3).values).toEqual([undefined, '姓名', '证件号码', '日期', '金额(元)', '有日期']);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getCell('B5').value).toBe('51080219900101123X');
    expect(sheet.getCell('B4').numFmt).toBe('@');
    expect(sheet.getCell('C4').value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(sheet.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C5').value).toBeNull();
    expect(sheet.getRow(7).values).toEqual([undefined, '合计', undefined, undefined, 0.3, 2]);
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getColumn(2).width).toBe(20);
  });

  test('a sheet without caption or totals starts with its header (bank import files)', async () => {
    const buffer = await workbookBuffer([defineSheet({ name: 'a/b:c', columns, rows: lines })]);
    const sheet = (await readBack(buffer)).worksheets[0];
    expect(sheet?.name).toBe('a_b_c');
    expect(sheet?.getCell('A1').value).toBe('姓名');
    expect(sheet?.rowCount).toBe(4);
  });
});

describe('helpers', () => {
  test.each([
    ['abc', 3],
    ['姓名', 4],
    ['A１', 3],
  ])('displayWidth(%s) = %i', (text, width) => expect(displayWidth(text)).toBe(width));

  test('sheetName cuts to 31 characters and replaces forbidden ones', () => {
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('[a]?*')).toBe('_a___');
    expect(sheetName('  ')).toBe('Sheet1');
  });

  test('columnTotal: sum rounds to cents, count skips blanks, functions compute', () => {
    const [, , , money, counted] = columns;
    expect(columnTotal(money!, lines)).toBe(0.3);
    expect(columnTotal(counted!, lines)).toBe(2);
    expect(columnTotal({ header: 'x', value: () => 1, total: (rows) => rows.length * 10 }, lines)).toBe(30);
    expect(columnTotal({ header: 'x', value: () => 1 }, lines)).toBeNull();
  });
});
