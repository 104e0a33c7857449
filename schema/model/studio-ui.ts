/**
 * The studio interfaces, displays and panel our extension adds (extensions/platform/src/app), by id,
 * and the field settings that use them. The model names them here; the extension registers them under
 * the same ids, so a typo is a type error rather than a blank field.
 */
import type { FieldDef } from './types';

export const UI = {
  /** Interface + display: numbers as money (grouping, two decimals, unit) or rates (percent). */
  number: 'platform-number',
  /** Interface + display: a Directus user id (or a device serial number) as the person's name. */
  user: 'platform-user',
  /** Interface + display: an employment id (warnings.subject) as the person's name, team and project. */
  employment: 'platform-employment',
  /** Interface + display: a declaration's five main units as a table. */
  declaredUnits: 'platform-declared-units',
  /** Interface + display: a face check's results as named checks passed or failed. */
  faceCheck: 'platform-face-check',
  /** Interface: a JSON object of changed fields (audit before/after, a device command) as a labelled table. */
  changes: 'platform-changes',
  /** Interface + display: a private image (ID card, face, certificate), opened through the audited viewer. */
  privateFile: 'platform-private-file',
  /** Interface: the photos of a files alias (contract pages), each opened through the audited viewer. */
  privateFiles: 'platform-private-files',
  /** Interface (alias): the bureau's decision on this record, only in the state it applies to, and its outcome. */
  review: 'platform-review',
  /** Interface (alias): this record's audit log. */
  history: 'platform-audit-history',
  /** Interface (alias): 查看完整信息 — the masked personal data in full, with a reason, audited. */
  reveal: 'platform-reveal',
  /** Panel: a daily figure over the last days, with Chinese dates and percent or count axes. */
  trend: 'platform-trend',
} as const;

/** Formats of the `platform-number` interface and display. */
export type NumberFormat = 'money' | 'percent' | 'warning-figure';

/** A money field: `584,933.32 元`. */
export const money = (unit: '元' | '万元' = '元'): Pick<FieldDef, 'interface' | 'display' | 'options' | 'displayOptions'> => ({
  interface: UI.number,
  display: UI.number,
  options: { format: 'money', unit },
  displayOptions: { format: 'money', unit },
});

/** A rate stored as a fraction (0.625): shown as `62.5%`. */
export const rate: Pick<FieldDef, 'interface' | 'display' | 'options' | 'displayOptions'> = {
  interface: UI.number,
  display: UI.number,
  options: { format: 'percent' },
  displayOptions: { format: 'percent' },
};

/** A string column holding a Directus user id (string, not a relation: PostgreSQL would not join it to a uuid). */
export const userRef: Pick<FieldDef, 'interface' | 'display'> = { interface: UI.user, display: UI.user };

/** The field name of the 查看完整信息 alias added to every collection with sensitive fields. */
export const REVEAL_FIELD = 'personal_data';
