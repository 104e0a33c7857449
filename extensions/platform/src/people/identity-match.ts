/**
 * Does a submitted ID card (a registration's or a key-post entry's form) fit the identity already
 * on file for its number? Pure: rows in, verdict out.
 *
 * - The person (姓名, 性别, 出生日期, 民族) must be the same: a different name is another person or
 *   a typo, and either way no project may rewrite an identity other projects rely on (a real
 *   change of name is a bureau correction in the studio).
 * - The card: the same card (same 有效期限起始日期) must read the same (住址, 签发机关, 有效期限截止);
 *   a newer card is an ID renewal (换领) and replaces the card's fields and photos; an older card
 *   than the one on file is refused.
 */
import type { PersonIdentity } from './identity-rules';

/** What the ID card says about where it was issued and how long it is valid: what a renewal changes. */
export interface IdCardRecord {
  address: string | null;
  issuing_authority: string | null;
  id_valid_from: string | null;
  /** 'YYYY-MM-DD' or 长期. */
  id_valid_to: string | null;
}

export const CARD_FIELDS = ['address', 'issuing_authority', 'id_valid_from', 'id_valid_to'] as const satisfies readonly (keyof IdCardRecord)[];

/** The fields that make the person: they must agree with the identity on file. */
export const PERSON_FIELDS = ['name', 'gender', 'birth_date', 'ethnicity'] as const satisfies readonly (keyof PersonIdentity)[];

export type MatchedField = (typeof PERSON_FIELDS)[number] | (typeof CARD_FIELDS)[number];

export const MATCHED_FIELD_LABELS: Readonly<Record<MatchedField, string>> = {
  name: '姓名',
  gender: '性别',
  birth_date: '出生日期',
  ethnicity: '民族',
  address: '住址',
  issuing_authority: '签发机关',
  id_valid_from: '有效期限起始日期',
  id_valid_to: '有效期限截止日期',
};

/** The identity as stored (dates already `YYYY-MM-DD`). */
export type StoredIdentity = Record<(typeof PERSON_FIELDS)[number], string | null> & IdCardRecord;

export type IdentityVerdict =
  /** Same person, same card: nothing to change. */
  | { kind: 'same' }
  /** Same person, a newer card: the card's fields that differ. */
  | { kind: 'renewal'; changes: Partial<IdCardRecord> }
  /** Not the identity on file: the fields that differ, in form order. */
  | { kind: 'mismatch'; fields: MatchedField[] }
  /** Same person, but an older card than the one on file. */
  | { kind: 'outdated' };

/** Text compared as people read it: whitespace and full-width spaces do not count. */
function sameText(a: unknown, b: unknown): boolean {
  const norm = (value: unknown) => String(value ?? '').replace(/[\s\u3000]+/g, '');
  return norm(a) === norm(b);
}

export function compareIdentity(stored: StoredIdentity, submitted: Pick<PersonIdentity, MatchedField>): IdentityVerdict {
  const person = PERSON_FIELDS.filter((field) => !sameText(stored[field], submitted[field]));
  if (person.length) return { kind: 'mismatch', fields: person };

  const card: IdCardRecord = {
    address: submitted.address,
    issuing_authority: submitted.issuing_authority,
    id_valid_from: submitted.id_valid_from,
    id_valid_to: submitted.id_valid_to,
  };
  const changed = CARD_FIELDS.filter((field) => !sameText(stored[field], card[field]));
  if (!changed.length) return { kind: 'same' };
  // Identities registered before the validity period was recorded take the first card that has one.
  const storedFrom = stored.id_valid_from;
  if (storedFrom === null || card.id_valid_from === null || card.id_valid_from > storedFrom) {
    return { kind: 'renewal', changes: Object.fromEntries(changed.map((field) => [field, card[field]])) as Partial<IdCardRecord> };
  }
  if (card.id_valid_from < storedFrom) return { kind: 'outdated' };
  return { kind: 'mismatch', fields: changed };
}

/** `姓名、民族`: the differing fields as people call them. */
export function describeFields(fields: readonly MatchedField[]): string {
  return fields.map((field) => MATCHED_FIELD_LABELS[field]).join('、');
}
