/** Reads of a project's units and key posts, shaped for the board and the exit form. */
import type { Knex } from 'knex';
import { readDate, readTimestamp } from '../db/values';
import type { KeyPostRecord, ProjectUnit } from './board';

/** The project's participating units with their roles. */
export async function projectUnits(db: Knex, projectId: number): Promise<ProjectUnit[]> {
  const rows: { unit_id: number; unit_name: string; participation: string; is_main: unknown }[] = await db('project_units')
    .join('units', 'units.id', 'project_units.unit')
    .select('units.id as unit_id', 'units.name as unit_name', 'project_units.participation', 'project_units.is_main')
    .where('project_units.project', projectId)
    .orderBy('project_units.id');
  return rows.map((row) => ({ unit_id: Number(row.unit_id), unit_name: row.unit_name, participation: row.participation, is_main: Boolean(row.is_main) }));
}

/** The project's key posts (all statuses, or one by id) with person and unit. */
export async function keyPostRecords(db: Knex, projectId: number, id?: number): Promise<KeyPostRecord[]> {
  const rows: Record<string, unknown>[] = await db('key_posts')
    .join('people', 'people.id', 'key_posts.person')
    .leftJoin('units', 'units.id', 'key_posts.unit')
    .select(
      'key_posts.id',
      'key_posts.unit_role',
      'key_posts.post',
      'key_posts.status',
      'key_posts.entry_date',
      'key_posts.exit_date',
      'key_posts.exit_reason',
      'key_posts.review_reason',
      'key_posts.reviewed_at',
      'people.name as person_name',
      'people.gender',
      'people.id_number',
      'units.name as unit_name',
    )
    .where('key_posts.project', projectId)
    .modify((query) => {
      if (id !== undefined) query.andWhere('key_posts.id', id);
    })
    .orderBy('key_posts.id');
  return rows.map((row) => ({
    id: Number(row['id']),
    unit_role: String(row['unit_role']),
    post: String(row['post']),
    status: row['status'] as KeyPostRecord['status'],
    entry_date: readDate(row['entry_date']),
    exit_date: readDate(row['exit_date']),
    exit_reason: (row['exit_reason'] as string | null) ?? null,
    review_reason: (row['review_reason'] as string | null) ?? null,
    reviewed_at: readTimestamp(row['reviewed_at']),
    person_name: String(row['person_name']),
    gender: (row['gender'] as string | null) ?? null,
    id_number: String(row['id_number']),
    unit_name: (row['unit_name'] as string | null) ?? null,
  }));
}
