/**
 * What the model's field flags say about each collection, for code that enforces them generically
 * (masking, 查看完整信息, refusing machine-written fields, auditing changes): no list of fields is
 * repeated anywhere else, so moving a field between collections moves its rules with it.
 */
import { maskSensitive } from '../rules/sensitive';
import { COLLECTIONS } from './index';
import type { CollectionDef, FieldDef } from './types';

const BY_NAME: ReadonlyMap<string, CollectionDef> = new Map(COLLECTIONS.map((def) => [def.collection, def]));

/** The definition of one of our collections, or undefined for system and unknown ones. */
export function collectionDef(collection: string): CollectionDef | undefined {
  return BY_NAME.get(collection);
}

/** A many-to-one onto `directus_files`: an image whose value is a file id. */
export function isFileField(def: FieldDef): boolean {
  return def.m2o?.collection === 'directus_files';
}

const fields = (collection: string, keep: (def: FieldDef) => boolean): FieldDef[] => (collectionDef(collection)?.fields ?? []).filter(keep);

/** A credential: stored encrypted, never shown (the `secret` flag, or Directus's `encrypt` special set by hand). */
function isSecret(def: FieldDef): boolean {
  return Boolean(def.secret) || Boolean(def.special?.includes('encrypt'));
}

/**
 * Sensitive values shown masked (ID numbers, phones, bank cards, addresses): the sensitive fields
 * that are not files. Never a secret, even one also marked sensitive: 查看完整信息 reveals exactly
 * these, and a credential is revealed to nobody.
 */
export function maskedFields(collection: string): FieldDef[] {
  return fields(collection, (def) => Boolean(def.sensitive) && !isFileField(def) && !isSecret(def));
}

/**
 * A sensitive field's value as shown masked (studio reads, the audit log). An object of another
 * collection's fields (`fieldsOf`) is masked key by key by that collection's flags; any other value
 * by its shape.
 */
export function maskFieldValue(def: FieldDef, value: unknown): unknown {
  if (def.fieldsOf && value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = new Map(maskedFields(def.fieldsOf).map((field) => [field.field, field]));
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, inner.has(key) ? maskFieldValue(inner.get(key)!, v) : v]));
  }
  return maskSensitive(value);
}

/** Private images (ID card, face photos, certificates): every file field, sensitive or not. */
export function fileFields(collection: string): FieldDef[] {
  return fields(collection, isFileField);
}

/** Fields only the platform writes (`readonly: true`). */
export function readonlyFields(collection: string): FieldDef[] {
  return fields(collection, (def) => Boolean(def.readonly));
}

/** Credentials: never shown or audited in clear. */
export function secretFields(collection: string): FieldDef[] {
  return fields(collection, isSecret);
}

/** Collections holding personal data that is masked (their generic studio export is refused). */
export function holdsPersonalData(collection: string): boolean {
  return maskedFields(collection).length > 0;
}
