/**
 * 国徽面 text boxes → 签发机关 and 有效期限 (from, and to or 长期), each with a confidence, and the
 * warnings the registration form shows (wrong side, unclear photo, a field not found, an expired
 * card). Pure: the caller passes "today".
 */
import type { IsoDate } from '../../../../schema/rules/dates';
import { idCardValidity } from '../../../../schema/rules/id-card';
import { clarityWarning, missing, missingWarnings, scoreOf, sideWarning } from './card-side';
import { repairDigits } from './lookalikes';
import { assembleRows, confidenceOf, type TextRow } from './rows';
import type { BackFields, OcrBox, OcrField, OcrWarning } from './types';

export const BACK_LABELS: Readonly<Record<keyof BackFields, string>> = {
  issuing_authority: '签发机关',
  valid_from: '有效期限起始日期',
  valid_to: '有效期限截止日期',
};

const AUTHORITY_LABEL = /签发机关|签发机|发机关|签发|机关/;
const VALIDITY_LABEL = /有效期限|有效期|效期限|期限/;
const DATE = String.raw`(\d{4})\D?(\d{2})\D?(\d{2})`;
// '2016.05.12-2036.05.12', '2010.03.01-长期'; the dash may be read as —, –, ~, 一 or 至, 长期 as 长朗 / 长明 / 长.
const VALIDITY = new RegExp(`${DATE}[-—–~一至]+(?:${DATE}|(长.?|.期))`);

interface Located {
  row: TextRow;
  from: number;
}

function locate(rows: readonly TextRow[], label: RegExp): Located | null {
  for (const row of rows) {
    const match = label.exec(row.compact);
    if (match) return { row, from: match.index + match[0].length };
  }
  return null;
}

function readAuthority(rows: readonly TextRow[], at: Located | null, validityRow: TextRow | undefined): OcrField {
  let row = at?.row;
  let from = at?.from ?? 0;
  if (!at && validityRow) {
    // No label read: the line above 有效期限.
    row = rows[rows.indexOf(validityRow) - 1];
    from = 0;
  }
  if (!row) return missing();
  // Stray marks before the name ('）广元市公安局…', ':').
  const raw = row.compact.slice(from);
  const lead = /^[^\u3400-\u9fff]*/.exec(raw)?.[0].length ?? 0;
  const text = raw.slice(lead).replace(/[^\u3400-\u9fff0-9（）()]+$/, '');
  if (!/[\u3400-\u9fff]{2,}/.test(text)) return missing();
  return { value: text, confidence: scoreOf(confidenceOf(row, from + lead, from + lead + text.length)) };
}

function readValidity(rows: readonly TextRow[], at: Located | null): { from: OcrField; to: OcrField; row?: TextRow } {
  const ordered = at ? [at.row, ...rows.filter((row) => row !== at.row)] : rows;
  for (const row of ordered) {
    const start = row === at?.row ? at.from : 0;
    const { text, repairs } = repairDigits(row.compact.slice(start));
    const match = VALIDITY.exec(text);
    if (!match) continue;
    const [, y1, m1, d1, y2, m2, d2, longTerm] = match;
    const to = longTerm === undefined ? `${y2}.${m2}.${d2}` : '长期';
    const checked = idCardValidity(`${y1}.${m1}.${d1}-${to}`, '1900-01-01');
    if (!checked.ok) continue;
    const confidence = confidenceOf(row, start + match.index, start + match.index + match[0].length);
    const guessedLongTerm = longTerm !== undefined && longTerm !== '长期' ? 1 : 0;
    return {
      row,
      from: { value: checked.start, confidence: scoreOf(confidence, repairs) },
      to: { value: checked.end ?? '长期', confidence: scoreOf(confidence, repairs + guessedLongTerm) },
    };
  }
  return { from: missing(), to: missing() };
}

/** The fields of a 国徽面 photo read by the engine. */
export function parseIdBack(boxes: readonly OcrBox[], options: { today: IsoDate }): { side: 'back'; fields: BackFields; warnings: OcrWarning[] } {
  const rows = assembleRows(boxes);
  const side = sideWarning('back', rows);
  if (side) return { side: 'back', fields: { issuing_authority: missing(), valid_from: missing(), valid_to: missing() }, warnings: [side] };

  const validityAt = locate(rows, VALIDITY_LABEL);
  const validity = readValidity(rows, validityAt);
  const fields: BackFields = {
    issuing_authority: readAuthority(rows, locate(rows, AUTHORITY_LABEL), validityAt?.row ?? validity.row),
    valid_from: validity.from,
    valid_to: validity.to,
  };

  const warnings: OcrWarning[] = [];
  if (fields.valid_from.value !== null && fields.valid_to.value !== null) {
    const checked = idCardValidity(`${fields.valid_from.value}-${fields.valid_to.value}`, options.today);
    if (checked.ok && checked.expired) {
      warnings.push({ code: 'ID_EXPIRED', message: `身份证已于${checked.end ?? ''}到期，请更换新证后登记`, field: 'valid_to' });
    }
  }
  warnings.push(...missingWarnings(fields, BACK_LABELS));
  const clarity = clarityWarning(boxes, fields);
  if (clarity) warnings.push(clarity);
  return { side: 'back', fields, warnings };
}
