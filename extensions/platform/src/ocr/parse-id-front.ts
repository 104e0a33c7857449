/**
 * 人像面 text boxes → 姓名, 性别, 民族, 出生, 住址, 公民身份号码, each with a confidence, and the
 * warnings the registration form shows (wrong side, unclear photo, a field not found, a number
 * that fails GB 11643 or disagrees with the birth date or gender printed beside it).
 * Pure: the caller passes "today".
 */
import { ETHNICITIES, resolveEthnicity, type Ethnicity } from '../../../../schema/codes/ethnicities';
import type { IsoDate } from '../../../../schema/rules/dates';
import { formatIsoDate, makeDateParts } from '../../../../schema/rules/dates';
import { parseIdNumber } from '../../../../schema/rules/id-card';
import { clarityWarning, missing, missingWarnings, scoreOf, sideWarning } from './card-side';
import { findIdNumber, repairDigits } from './lookalikes';
import { assembleRows, confidenceOf, type TextRow } from './rows';
import type { FrontFields, OcrBox, OcrField, OcrWarning } from './types';

export const FRONT_LABELS: Readonly<Record<keyof FrontFields, string>> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birth_date: '出生日期',
  address: '住址',
  id_number: '公民身份号码',
};

const LABEL = {
  name: /^[姓娃]名/,
  gender: /性[别別]/,
  ethnicity: /民[族旅旗疾]/,
  birth: /^出生/,
  address: /^住址/,
  number: /公民身份号码|公民身份|身份号码/,
} as const;

type Labelled = keyof typeof LABEL;

/** The printed two-character labels that start their line, for matching half-read labels ('技址', '娃名'). */
const LEADING_LABELS: Partial<Record<Labelled, string>> = { name: '姓名', gender: '性别', birth: '出生', address: '住址' };

/** Misreads of ethnicity names seen from OCR, by what the card prints. */
const ETHNICITY_MISREADS: Readonly<Record<string, string>> = { 汊: '汉', 又: '汉', 叹: '汉', 図: '回', 囘: '回', 蔵: '藏', 舞: '彝', 土冢: '土家' };

const MIDDLE_DOT = /[·•‧・.．]/g;

interface Located {
  row: TextRow;
  index: number;
  /** Where the value starts in the row's compact text (after the label). */
  from: number;
}

function locate(rows: readonly TextRow[], label: Labelled): Located | null {
  for (const [index, row] of rows.entries()) {
    const match = LABEL[label].exec(row.compact);
    if (match) return { row, index, from: match.index + match[0].length };
  }
  // A line whose first box is a short text sharing a character with the label: the label, half read.
  const printed = LEADING_LABELS[label];
  if (!printed) return null;
  for (const [index, row] of rows.entries()) {
    const first = row.boxes[0]?.text.replace(/\s+/g, '') ?? '';
    if (first.length > 0 && first.length <= 2 && row.boxes.length > 1 && [...first].some((char) => printed.includes(char))) {
      return { row, index, from: first.length };
    }
  }
  return null;
}

const field = <T extends string>(value: T, confidence: number, repairs = 0): OcrField<T> => ({ value, confidence: scoreOf(confidence, repairs) });

function readName(rows: readonly TextRow[], at: Partial<Record<Labelled, Located | null>>): OcrField {
  let row: TextRow | undefined;
  let from = 0;
  if (at.name) {
    row = at.name.row;
    from = at.name.from;
    // The label alone on its line: the name is on the next line when that one carries no label.
    if (row.compact.length === from) {
      const next = rows[at.name.index + 1];
      if (next && !Object.values(LABEL).some((label) => label.test(next.compact))) [row, from] = [next, 0];
    }
  } else {
    // No label read: the line above 性别.
    const gender = at.gender?.index ?? -1;
    row = gender > 0 ? rows[gender - 1] : undefined;
  }
  if (!row) return missing();
  const raw = row.compact.slice(from);
  const name = raw.replace(MIDDLE_DOT, '·').replace(/[^\u3400-\u9fff·]/g, '');
  if (!name) return missing();
  return field(name, confidenceOf(row, from, row.compact.length), [...raw].length - [...name].length);
}

function readGender(rows: readonly TextRow[], at: Partial<Record<Labelled, Located | null>>): OcrField<'male' | 'female'> {
  const fromGender = (row: TextRow, from: number): OcrField<'male' | 'female'> | null => {
    // Up to the 民族 label that shares the line.
    const text = row.compact.slice(from).split(LABEL.ethnicity)[0] ?? '';
    const match = /[男女]/.exec(text);
    if (!match) return null;
    const index = from + match.index;
    return field(match[0] === '男' ? 'male' : 'female', confidenceOf(row, index, index + 1));
  };
  const labelled = at.gender ? fromGender(at.gender.row, at.gender.from) : null;
  if (labelled) return labelled;
  // No label read: a lone 男 or 女 above 出生.
  for (const row of rows.slice(0, at.birth?.index ?? 3)) {
    const lone = row.boxes.find((box) => /^[男女]$/.test(box.text.trim()));
    if (lone) return fromGender(row, lone.start) ?? missing();
  }
  return missing();
}

/** 民族 with its label misread: the ending of the 性别 line after 男/女 that names an ethnicity. */
function ethnicityAfterGender(at: Located | null | undefined): OcrField<Ethnicity> {
  if (!at) return missing();
  const rest = at.row.compact.slice(at.from).replace(/^[^男女]*[男女]/, '');
  for (let start = 0; start < rest.length; start += 1) {
    const value = resolveEthnicity(rest.slice(start).replace(/族$/, ''));
    if (value) {
      const from = at.row.compact.length - rest.length + start;
      return field(value, confidenceOf(at.row, from, at.row.compact.length), 1);
    }
  }
  return missing();
}

function readEthnicity(at: Located | null | undefined, genderAt: Located | null | undefined): OcrField<Ethnicity> {
  if (!at) return ethnicityAfterGender(genderAt);
  const raw = at.row.compact.slice(at.from).replace(/^[:：]/, '');
  const text = /^[\u3400-\u9fff]+/.exec(raw)?.[0]?.replace(/族$/, '') ?? '';
  const end = at.from + text.length;
  const confidence = confidenceOf(at.row, at.from, Math.max(end, at.from + 1));
  const direct = resolveEthnicity(text);
  if (direct) return field(direct, confidence);
  const misread = resolveEthnicity(ETHNICITY_MISREADS[text]);
  if (misread) return field(misread, confidence, 1);
  // Trailing noise after a known name ('汉1', '回」'): the longest card name the text starts with.
  const prefix = [...ETHNICITIES].sort((a, b) => b.label.length - a.label.length).find((item) => raw.startsWith(item.label));
  if (prefix) return field(prefix.value, confidence, 1);
  return missing();
}

function readBirth(at: Located | null | undefined): OcrField {
  if (!at) return missing();
  const raw = at.row.compact.slice(at.from);
  const { text, repairs } = repairDigits(raw);
  const match = /(\d{4})[年\D]?(\d{1,2})[月\D](\d{1,2})/.exec(text);
  if (!match) return missing();
  const parts = makeDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!parts) return missing();
  return field(formatIsoDate(parts), confidenceOf(at.row, at.from, at.row.compact.length), repairs);
}

function readAddress(rows: readonly TextRow[], at: Partial<Record<Labelled, Located | null>>): OcrField {
  if (!at.address) return missing();
  const end = at.number?.index ?? rows.length;
  let text = '';
  let confidence = 1;
  for (let index = at.address.index; index < end; index += 1) {
    const row = rows[index];
    if (!row) break;
    const from = index === at.address.index ? at.address.from : 0;
    if (index > at.address.index && (LABEL.number.test(row.compact) || findIdNumber(row.compact))) break;
    const part = row.compact.slice(from).replace(/^[:：]/, '');
    if (!part) continue;
    text += part;
    confidence = Math.min(confidence, confidenceOf(row, from, row.compact.length));
  }
  return text ? field(text, confidence) : missing();
}

function readIdNumber(rows: readonly TextRow[], at: Located | null | undefined): OcrField {
  const ordered = at ? [at.row, ...rows.filter((row) => row !== at.row)] : rows;
  for (const row of ordered) {
    const from = row === at?.row ? at.from : 0;
    const found = findIdNumber(row.compact.slice(from));
    if (found) return field(found.text, confidenceOf(row, from + found.index, from + found.index + 18), found.repairs);
  }
  return missing();
}

/** The fields of a 人像面 photo read by the engine. */
export function parseIdFront(boxes: readonly OcrBox[], options: { today: IsoDate }): { side: 'front'; fields: FrontFields; warnings: OcrWarning[] } {
  const rows = assembleRows(boxes);
  const empty: FrontFields = { name: missing(), gender: missing(), ethnicity: missing(), birth_date: missing(), address: missing(), id_number: missing() };
  const side = sideWarning('front', rows);
  if (side) return { side: 'front', fields: empty, warnings: [side] };

  const at = {
    name: locate(rows, 'name'),
    gender: locate(rows, 'gender'),
    ethnicity: locate(rows, 'ethnicity'),
    birth: locate(rows, 'birth'),
    address: locate(rows, 'address'),
    number: locate(rows, 'number'),
  };
  const fields: FrontFields = {
    name: readName(rows, at),
    gender: readGender(rows, at),
    ethnicity: readEthnicity(at.ethnicity, at.gender),
    birth_date: readBirth(at.birth),
    address: readAddress(rows, at),
    id_number: readIdNumber(rows, at.number),
  };

  const warnings: OcrWarning[] = [];
  const idNumber = fields.id_number.value;
  if (idNumber !== null) {
    const parsed = parseIdNumber(idNumber, { today: options.today });
    if (!parsed.ok) {
      warnings.push({ code: parsed.code, message: parsed.message, field: 'id_number' });
      fields.id_number.confidence = Math.min(fields.id_number.confidence, 0.5);
    } else {
      const derived = scoreOf(fields.id_number.confidence * 0.9);
      // Printed fields the number contradicts are kept as read, for the person to check.
      const birth = fields.birth_date.value;
      if (birth === null) fields.birth_date = { value: parsed.birthDate, confidence: derived };
      else {
        const check = parseIdNumber(idNumber, { birthDate: birth });
        if (!check.ok) warnings.push({ code: check.code, message: check.message, field: 'birth_date' });
      }
      const gender = fields.gender.value;
      if (gender === null) fields.gender = { value: parsed.gender, confidence: derived };
      else {
        const check = parseIdNumber(idNumber, { gender });
        if (!check.ok) warnings.push({ code: check.code, message: check.message, field: 'gender' });
      }
    }
  }
  warnings.push(...missingWarnings(fields, FRONT_LABELS));
  const clarity = clarityWarning(boxes, fields);
  if (clarity) warnings.push(clarity);
  return { side: 'front', fields, warnings };
}
