import type { Knex } from 'knex';
import { collectionDef, fileFields, maskedFields } from '../../../../schema/model/field-flags';
import { exportViewer } from '../exports/viewer';
import { invalid, notYours } from '../http/errors';

type Row = Record<string, unknown>;

/** A record of ours that holds personal data, as 查看完整信息 and the photo viewer find it. */
export interface PersonalRecord {
  collection: string;
  id: number;
  row: Row;
  /** Whose data it is, as the audit log names them: the row's name, contact or team leader, or its person's name. */
  subject: string;
  /** The project the record belongs to, for the audit log's project column. */
  project: number | null;
}

/**
 * Who may see personal data in full: bureau staff and administrators (checked against the database
 * every time, like exports). Anyone else, or no login, is refused.
 */
export async function requireStudioStaff(database: Knex, userId: string | null | undefined): Promise<string> {
  const viewer = await exportViewer(database, userId);
  if (viewer.role !== 'bureau') throw notYours();
  return viewer.userId;
}

/**
 * The name of the person a record is about, for records that hold a person's data without their name
 * (an employment keeps the phone, wage card and photos a project recorded; the name is the identity's).
 */
async function personName(database: Knex, collection: string, row: Row): Promise<string | null> {
  const link = collectionDef(collection)?.fields.find((def) => def.m2o?.collection === 'people');
  if (!link || row[link.field] == null) return null;
  const person: { name?: unknown } | undefined = await database('people').where({ id: row[link.field] }).first('name');
  return person?.name == null ? null : String(person.name);
}

/** Loads `collection`/`id` if it is one of our collections with personal data (masked fields or photos). */
export async function loadPersonalRecord(database: Knex, collection: string, id: number): Promise<PersonalRecord> {
  const def = collectionDef(collection);
  if (!def || (!maskedFields(collection).length && !fileFields(collection).length && !def.aliases?.some((a) => a.kind === 'files'))) {
    throw invalid('NO_PERSONAL_DATA', '该类记录没有需要查看的个人信息', 'collection');
  }
  const row: Row | undefined = await database(collection).where({ id }).first();
  if (!row) throw notYours();
  const subject = String(row['name'] ?? row['contact_name'] ?? row['leader_name'] ?? (await personName(database, collection, row)) ?? row['contract_no'] ?? `#${id}`);
  const project = collection === 'projects' ? id : row['project'] == null ? null : Number(row['project']);
  return { collection, id, row, subject, project };
}
