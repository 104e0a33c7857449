/**
 * 2026-12-employment-facts: the v1 `people` row held, next to the identity, what projects recorded
 * (phone, wage card, education, political status, blood type, 本人照片, face) — one copy per person,
 * overwritten by whichever project registered them last, and readable by every project that ever
 * employed them. This moves those facts to the employment that recorded them and drops the columns
 * from `people`; each employment also gets the ID-card photos it took and its reading of the card
 * (`id_card`). Key-post holders v1 kept without an employment get one (linked or created).
 *
 * Who recorded what comes from the audit log (`fact-history.ts`); values nobody's write explains
 * (seeded data, studio edits) go to every employment of the person, so no project loses what it saw.
 */
import type { Knex } from 'knex';
import { KEY_POST_HOLDING_STATUSES } from '../../../../../schema/codes';
import { todayInShanghai } from '../../../../../schema/rules';
import { fromDbRow, readDate } from '../../db/values';
import { createService } from '../../directus';
import { CARD_FIELDS } from '../../people/identity-match';
import { ensureHolderEmployment } from '../../people/save-person';
import { readJson } from '../../personnel/person-record';
import { assignFacts, type FactEvent } from './fact-history';
import type { Migration, MigrationContext } from './run-migrations';

type Row = Record<string, unknown>;

const ID = '2026-12-employment-facts';

/** v1 `people` columns that are employment facts now. */
export const MOVED_COLUMNS = ['phone', 'education', 'political_status', 'blood_type', 'bank_card_no', 'bank_name', 'photo', 'face_photo', 'face_device_photo', 'face_check'] as const;

/** What a v1 registration wrote (phone, the three photos and the card). */
const REGISTRATION_WRITES = ['phone', 'id_front', 'id_back', 'photo', ...CARD_FIELDS];
/** What a v1 key-post entry wrote (the card and its photos; the phone when given). */
const KEY_POST_WRITES = ['id_front', 'id_back', ...CARD_FIELDS];
/** What a v1 face check wrote. */
const FACE_WRITES = ['face_photo', 'face_device_photo'];

const AUDIT_ACTIONS = ['person.create', 'person.update', 'person.edit', 'face.capture', 'employment.register', 'key_post.register'];

export const employmentFacts: Migration = {
  id: ID,
  description: 'project-recorded facts move from people to the employment that recorded them; key-post holders get an employment',
  up: async (ctx) => {
    const db = ctx.database;
    await giveHoldersEmployments(db, ctx.log);
    const moved: string[] = [];
    for (const column of MOVED_COLUMNS) if (await db.schema.hasColumn('people', column)) moved.push(column);
    await fillEmployments(db, moved);
    await dropColumns(ctx, moved);
  },
};

/** v1 key-post entries of people not on site there kept no employment: link or create one. */
async function giveHoldersEmployments(db: Knex, log: (message: string) => void): Promise<void> {
  const posts: Row[] = await db('key_posts').whereNull('employment').whereIn('status', KEY_POST_HOLDING_STATUSES).select('id', 'project', 'person', 'unit', 'post', 'entry_date', 'date_created').orderBy('id');
  for (const post of posts) {
    const personId = Number(post['person']);
    const projectId = Number(post['project']);
    const elsewhere = await db('employments').where({ person: personId, status: 'on_site' }).whereNot({ project: projectId }).first('id');
    if (elsewhere || post['unit'] === null) {
      log(`key post ${String(post['id'])} left without an employment: ${elsewhere ? 'its holder is on site at another project' : 'it has no unit'}`);
      continue;
    }
    const entryDate = readDate(post['entry_date']) ?? readDate(post['date_created']) ?? todayInShanghai(new Date());
    const scope = { userId: `migration ${ID}`, projectId, actorKind: 'system' as const };
    const employment = await ensureHolderEmployment(db, scope, personId, { kind: 'key_post', unit: Number(post['unit']), post: String(post['post']), entry_date: entryDate });
    await db('key_posts').where({ id: post['id'] }).update({ employment: employment.id });
  }
}

/** The v1 audit rows that tell who wrote a person's facts, grouped by person, in order. */
async function auditByPerson(db: Knex): Promise<Map<number, Row[]>> {
  const rows: Row[] = await db('audit_log').whereIn('action', AUDIT_ACTIONS).orderBy('id').select('id', 'at', 'action', 'collection', 'item', 'project', 'before', 'after', 'note');
  const byPerson = new Map<number, Row[]>();
  for (const row of rows) {
    const after = readJson<Row>(row['after']) ?? {};
    const person = row['collection'] === 'people' ? Number(row['item']) : Number(after['person']);
    if (!Number.isInteger(person)) continue;
    byPerson.set(person, [...(byPerson.get(person) ?? []), { ...row, before: readJson<Row>(row['before']), after }]);
  }
  return byPerson;
}

/** A person's audit rows as fact events, with the employment that wrote each. */
function eventsOf(rows: readonly Row[], employments: readonly Row[], keyPostEmployment: ReadonlyMap<number, number | null>): FactEvent[] {
  const events: FactEvent[] = [];
  let keyPostPhone = false;
  for (const row of rows) {
    const before = (row['before'] as Row | null) ?? null;
    const after = (row['after'] as Row | null) ?? {};
    switch (row['action']) {
      case 'person.create':
      case 'person.update':
        keyPostPhone = row['note'] === '关键岗位入场登记' && 'phone' in after;
        events.push({ writer: null, written: [], before });
        break;
      case 'person.edit':
        events.push({ writer: employmentAt(employments, Number(row['project']), row['at']), written: Object.keys(after), before });
        break;
      case 'face.capture':
        events.push({ writer: Number(after['employment']) || null, written: FACE_WRITES, before });
        break;
      case 'employment.register':
        events.push({ writer: Number(row['item']), written: REGISTRATION_WRITES, before: null });
        break;
      case 'key_post.register':
        events.push({ writer: keyPostEmployment.get(Number(row['item'])) ?? null, written: keyPostPhone ? [...KEY_POST_WRITES, 'phone'] : KEY_POST_WRITES, before: null });
        break;
    }
  }
  return events;
}

/** The person's employment in `project` at `at` (the latest registered by then), for a 人员编辑 row. */
function employmentAt(employments: readonly Row[], project: number, at: unknown): number | null {
  const when = Date.parse(String(fromDbRow('audit_log', { at })['at'] ?? ''));
  const here = employments.filter((e) => Number(e['project']) === project);
  const before = here.filter((e) => Date.parse(String(e['date_created'] ?? '')) <= when);
  const pick = (before.length ? before : here).at(-1);
  return pick ? Number(pick['id']) : null;
}

async function fillEmployments(db: Knex, moved: readonly string[]): Promise<void> {
  const people: Row[] = await db('people').select('id', 'id_front', 'id_back', ...CARD_FIELDS, ...moved);
  const employments: Row[] = (await db('employments').select('id', 'person', 'project', 'date_created', 'id_front', 'id_back', 'id_card').orderBy('id')).map((row: Row) => fromDbRow('employments', row));
  const byPerson = new Map<number, Row[]>();
  for (const employment of employments) byPerson.set(Number(employment['person']), [...(byPerson.get(Number(employment['person'])) ?? []), employment]);
  const audit = await auditByPerson(db);
  const keyPosts: Row[] = await db('key_posts').select('id', 'employment');
  const keyPostEmployment = new Map(keyPosts.map((row) => [Number(row['id']), row['employment'] === null ? null : Number(row['employment'])]));

  const fields = [...moved.filter((column) => column !== 'face_check'), 'id_front', 'id_back', ...CARD_FIELDS];
  for (const raw of people) {
    const own = byPerson.get(Number(raw['id'])) ?? [];
    if (!own.length) continue;
    const person = fromDbRow('people', raw);
    const facts = assignFacts(fields, person, eventsOf(audit.get(Number(raw['id'])) ?? [], own, keyPostEmployment), own.map((e) => Number(e['id'])));
    for (const employment of own) {
      const fact = facts.get(Number(employment['id'])) ?? {};
      const changes: Row = {};
      for (const column of moved) if (column !== 'face_check' && fact[column] !== undefined) changes[column] = fact[column];
      if (moved.includes('face_check') && fact['face_photo'] !== undefined && fact['face_photo'] === person['face_photo'] && person['face_check'] != null) {
        changes['face_check'] = typeof person['face_check'] === 'string' ? person['face_check'] : JSON.stringify(person['face_check']);
      }
      for (const column of ['id_front', 'id_back']) if (employment[column] == null && fact[column] !== undefined) changes[column] = fact[column];
      // Every employment keeps its reading of the card: its own write, else the identity as it is now.
      if (employment['id_card'] == null) changes['id_card'] = JSON.stringify(Object.fromEntries(CARD_FIELDS.map((field) => [field, fact[field] ?? person[field] ?? null])));
      if (Object.keys(changes).length) await db('employments').where({ id: employment['id'] }).update(changes);
    }
  }
}

/** Drops the moved columns from `people`, with their Directus fields and relations, in this transaction. */
async function dropColumns(ctx: MigrationContext, moved: readonly string[]): Promise<void> {
  if (!moved.length) return;
  const fields = await createService(ctx, 'FieldsService', ctx.database, { bypassCache: true });
  for (const column of moved) await fields.deleteField('people', column);
}
