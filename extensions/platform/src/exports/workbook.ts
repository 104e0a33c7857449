/**
 * The one xlsx writer of the platform (exceljs): a sheet is a list of typed columns and rows.
 * Every export (花名册, 考勤表, the payroll bank file) describes its sheets with `SheetSpec` and
 * gets the file from `workbookBuffer`; the header row is bold, frozen and auto-filtered, widths
 * fit the content (CJK characters count double), and an optional totals row closes the sheet.
 *
 * @example
 * const buffer = await workbookBuffer([defineSheet<Person>({
 *   name: '花名册',
 *   columns: [
 *     { header: '姓名', value: (p) => p.name },
 *     { header: '证件号码', value: (p) => p.id_number, format: 'text' },
 *     { header: '进场日期', value: (p) => p.entry_date, format: 'date' },
 *     { header: '工资(元)', value: (p) => p.amount, format: 'money', total: 'sum' },
 *   ],
 *   rows: people,
 *   totals: { label: '合计' },
 * })]);
 */
import ExcelJS from 'exceljs';

/** A cell's value: text, a number, a `YYYY-MM-DD` date (with `format: 'date'`), or blank. */
export type CellValue = string | number | null;

/**
 * How a column's cells are written:
 * - `text` (default for strings): stored as text, so ID and card numbers keep every digit;
 * - `integer` / `decimal` (2 places, trailing zeros kept) / `money` (thousands separator, 2 places);
 * - `date`: a `YYYY-MM-DD` value becomes a real Excel date shown as `yyyy-mm-dd`.
 */
export type CellFormat = 'text' | 'integer' | 'decimal' | 'money' | 'date';

/** What the totals row shows under a column: the sum or the count of non-blank cells, or a computed value. */
export type ColumnTotal<Row> = 'sum' | 'count' | ((rows: readonly Row[]) => CellValue);

/** Optional look of one cell, decided per row (e.g. grey for days before entry). */
export interface CellStyle {
  /** Fill colour as `RRGGBB`. */
  fill?: string;
  /** Font colour as `RRGGBB`. */
  color?: string;
  bold?: boolean;
}

export interface SheetColumn<Row> {
  /** Chinese header text. */
  header: string;
  value: (row: Row) => CellValue;
  format?: CellFormat;
  /** Width in characters; by default fitted to header and content (4–40). */
  width?: number;
  align?: 'left' | 'center' | 'right';
  total?: ColumnTotal<Row>;
  style?: (row: Row) => CellStyle | null;
}

export interface SheetSpec<Row> {
  /** Sheet tab name (cut to Excel's 31 characters, forbidden characters replaced). */
  name: string;
  /** Lines written above the header (title, project, export time, legend); none for bank import files. */
  caption?: readonly string[];
  columns: readonly SheetColumn<Row>[];
  rows: readonly Row[];
  /** A totals row under the data: `label` goes into the first column without a `total`. */
  totals?: { label: string };
}

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: '@',
  integer: '0',
  decimal: '0.00',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};

const HEADER_FILL = 'FFE8EEF7';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** A sheet ready to write, its row type checked by `defineSheet` (so sheets of different rows share one list). */
export interface Sheet {
  readonly name: string;
  readonly rowCount: number;
  readonly addTo: (workbook: ExcelJS.Workbook) => void;
}

/** Checks a sheet's columns against its rows' type. */
export function defineSheet<Row>(spec: SheetSpec<Row>): Sheet {
  return { name: sheetName(spec.name), rowCount: spec.rows.length, addTo: (workbook) => addSheet(workbook, spec) };
}

/** Writes the sheets into one `.xlsx` file in memory (a buffer, so the response can carry Content-Length). */
export async function workbookBuffer(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '广元市建筑工人实名制管理平台';
  workbook.created = new Date();
  for (const sheet of sheets) sheet.addTo(workbook);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** A name Excel accepts for a sheet tab. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').trim() || 'Sheet1';
  return clean.slice(0, 31);
}

/** Display width of a text in Excel character units (CJK and full-width characters count 2). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** The sheet's total under one column. */
export function columnTotal<Row>(column: SheetColumn<Row>, rows: readonly Row[]): CellValue {
  const { total } = column;
  if (total === undefined) return null;
  if (typeof total === 'function') return total(rows);
  if (total === 'count') return rows.filter((row) => isPresent(column.value(row))).length;
  let sum = 0;
  for (const row of rows) {
    const value = column.value(row);
    if (typeof value === 'number') sum += value;
  }
  // Sums of money with 2 decimals: avoid 0.1 + 0.2 artefacts.
  return Math.round(sum * 100) / 100;
}

function isPresent(value: CellValue): boolean {
  return value !== null && value !== '';
}

function addSheet<Row>(workbook: ExcelJS.Workbook, spec: SheetSpec<Row>): void {
  const caption = spec.caption ?? [];
  const headerRow = caption.length + 1;
  const sheet = workbook.addWorksheet(sheetName(spec.name), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    properties: { defaultRowHeight: 18 },
  });
  const columnCount = spec.columns.length;
  caption.forEach((line, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = line;
    row.getCell(1).font = index === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: 'FF595959' } };
    if (columnCount > 1) sheet.mergeCells(index + 1, 1, index + 1, columnCount);
  });

  const header = sheet.getRow(headerRow);
  spec.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
  header.height = 22;

  const widths = spec.columns.map((column) => displayWidth(column.header));
  spec.rows.forEach((row, rowIndex) => {
    const excelRow = sheet.getRow(headerRow + 1 + rowIndex);
    spec.columns.forEach((column, index) => {
      const value = column.value(row);
      writeCell(excelRow.getCell(index + 1), value, column, column.style?.(row) ?? null);
      if (value !== null) widths[index] = Math.max(widths[index] ?? 0, displayWidth(shown(value, column.format)));
    });
  });

  if (spec.totals) {
    const totalsRow = sheet.getRow(headerRow + 1 + spec.rows.length);
    const labelAt = Math.max(0, spec.columns.findIndex((column) => column.total === undefined));
    spec.columns.forEach((column, index) => {
      const cell = totalsRow.getCell(index + 1);
      const value = index === labelAt ? spec.totals?.label ?? '合计' : columnTotal(column, spec.rows);
      writeCell(cell, value, index === labelAt ? { ...column, format: 'text' } : column, { bold: true, fill: 'F2F2F2' });
    });
  }

  spec.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width ?? Math.min(40, Math.max(4, (widths[index] ?? 0) + 2));
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: Math.max(1, columnCount) } };
}

function writeCell<Row>(cell: ExcelJS.Cell, value: CellValue, column: SheetColumn<Row>, style: CellStyle | null): void {
  const format = column.format ?? (typeof value === 'number' ? undefined : 'text');
  if (value === null || value === '') cell.value = null;
  else if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) cell.value = new Date(`${value}T00:00:00Z`);
  else cell.value = value;
  const numFmt = format ? NUMBER_FORMATS[format] : undefined;
  if (numFmt) cell.numFmt = numFmt;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: column.align ?? (format === 'date' ? 'center' : typeof value === 'number' ? 'right' : 'left') };
  if (style?.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  if (style?.color || style?.bold) cell.font = { ...(style.color ? { color: { argb: `FF${style.color}` } } : {}), ...(style.bold ? { bold: true } : {}) };
}

function shown(value: string | number, format: CellFormat | undefined): string {
  if (typeof value === 'string') return value;
  if (format === 'money') return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === 'decimal') return value.toFixed(2);
  return String(value);
}
