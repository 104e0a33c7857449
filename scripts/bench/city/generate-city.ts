/**
 * A city at the bureau's scale for the dashboard benchmark, written with multi-row inserts into a
 * provisioned platform on SQLite or PostgreSQL (never Directus's per-item services: hours at this size). Rows are
 * copied from the small demo city's own rows (so every required column is filled as the platform
 * fills it) with new keys. Deterministic (seeded).
 *
 * - projects: mostly approved, some submitted, rejected and completed; each approved one with
 *   teams, an entry and an exit gate, people on site (a few exited), one project in ten with a
 *   key post awaiting review and one in twenty with an exit awaiting unlock;
 * - punches for the last `punchDays` days (≈ 85 % of people present on weekdays, 60 % on
 *   Sundays, 5 % lone punches, 3 % of people who stopped coming: 长期未打卡), rolled up by the
 *   real roll-up afterwards;
 * - before that window, `project_days` rows from the same attendance model (the roll-up's result
 *   without its punches), so the 30-day trend and the roll-up tables have three months of history.
 */
import type { Knex } from 'knex';
import { bulkInsert } from '../../../extensions/platform/src/db/bulk-insert.ts';
import { addDays } from '../../../schema/rules/dates.ts';
import { createRng } from '../../../seeds/random.ts';

export interface CityOptions {
  projects: number;
  people: number;
  /** Days of history (project_days) up to and including today. */
  days: number;
  /** The last days that get real punches (and the real roll-up). */
  punchDays: number;
  today: string;
  now: Date;
}

export interface CityFigures {
  projects: number;
  approved: number;
  people: number;
  devices: number;
  punches: number;
  projectDays: number;
  punchSeconds: number;
}

const HOUR = 3_600_000;
/** Epoch ms of Shanghai wall time on `day` (SQLite stores Directus timestamps as epoch ms). */
const at = (day: string, seconds: number): number => Date.parse(`${day}T00:00:00+08:00`) + seconds * 1000;
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * A stored row of `table` to copy, without its key. PostgreSQL hands JSON columns back parsed; they
 * go back as JSON text (node-postgres would send an array as a PostgreSQL array literal).
 */
async function template(db: Knex, table: string, where: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const row = await db(table).where(where).orderBy('id').first();
  if (!row) throw new Error(`no ${table} row to copy`);
  const { id: _id, ...rest } = row as Record<string, unknown>;
  const isJson = (value: unknown) => value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value);
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, isJson(value) ? JSON.stringify(value) : value]));
}

const nextId = async (db: Knex, table: string): Promise<number> => Number((await db(table).max({ id: 'id' }).first())?.['id'] ?? 0) + 1;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂华建国志红德文兵军辉'];
const COUNTIES = ['利州区', '昭化区', '朝天区', '旺苍县', '青川县', '剑阁县', '苍溪县'];
const KINDS = ['安置房', '学校', '医院', '道路', '产业园', '污水处理厂', '住宅小区', '体育馆'];

/** Writes the city; returns what it wrote. */
export async function generateCity(db: Knex, options: CityOptions): Promise<CityFigures> {
  const rng = createRng(300);
  // Directus keeps timestamps and dates as epoch ms on SQLite and as native types on PostgreSQL (db/values.ts).
  // (db/values.ts says the same, but imports the model by directory, which Node's own type stripping cannot load.)
  const sqlite = String(db.client.config.client).startsWith('sqlite');
  const ts = (ms: number): number | string => (sqlite ? ms : new Date(ms).toISOString());
  const date = (day: string): number | string => (sqlite ? dayMs(day) : day);
  const created = options.now.getTime();
  const projectTemplate = await template(db, 'projects', { status: 'approved' });
  const teamTemplate = await template(db, 'teams');
  const personTemplate = await template(db, 'people');
  const employmentTemplate = await template(db, 'employments');
  const deviceTemplate = await template(db, 'devices');
  const keyPostTemplate = await template(db, 'key_posts');
  const unitId = Number(teamTemplate['unit']);

  // Projects: 90 % approved, then submitted, rejected, completed.
  let projectId = await nextId(db, 'projects');
  const projects: Record<string, unknown>[] = [];
  const approved: number[] = [];
  for (let i = 0; i < options.projects; i += 1) {
    const status = i < options.projects * 0.9 ? 'approved' : i % 3 === 0 ? 'submitted' : i % 3 === 1 ? 'completed' : 'rejected';
    const id = projectId++;
    if (status === 'approved') approved.push(id);
    projects.push({
      ...projectTemplate,
      id,
      status,
      application_no: `BENCH${String(i).padStart(8, '0')}`,
      code: status === 'approved' || status === 'completed' ? `GY99${String(i).padStart(8, '0')}` : null,
      name: `${rng.pick(COUNTIES)}${rng.pick(KINDS)}建设项目（第${i + 1}号）`,
      submitted_at: ts(created - rng.int(1, 400) * 24 * HOUR),
    });
  }
  await bulkInsert(db, 'projects', projects);

  // Teams and gates per approved project.
  let teamId = await nextId(db, 'teams');
  let deviceId = await nextId(db, 'devices');
  const teamsOf = new Map<number, number[]>();
  const gatesOf = new Map<number, { id: number; sn: string }[]>();
  const teams: Record<string, unknown>[] = [];
  const devices: Record<string, unknown>[] = [];
  for (const project of approved) {
    const ids: number[] = [];
    for (let t = 0; t < 4; t += 1) {
      ids.push(teamId);
      teams.push({ ...teamTemplate, id: teamId++, project, unit: unitId, name: `班组${t + 1}`, date_created: ts(created) });
    }
    teamsOf.set(project, ids);
    const gates: { id: number; sn: string }[] = [];
    for (const direction of ['in', 'out']) {
      const sn = `BENCH${project}${direction.toUpperCase()}`;
      gates.push({ id: deviceId, sn });
      // One gate in ten has not called in for an hour: offline.
      const lastSeen = rng.chance(0.9) ? created - rng.int(0, 120) * 1000 : created - HOUR;
      devices.push({ ...deviceTemplate, id: deviceId++, sn, project, synced_project: project, name: `${direction === 'in' ? '入口' : '出口'}闸机`, direction, status: 'active', last_seen_at: ts(lastSeen), date_created: ts(created) });
    }
    gatesOf.set(project, gates);
  }
  await bulkInsert(db, 'teams', teams);
  await bulkInsert(db, 'devices', devices);

  // People: sizes vary 0.3×–1.7× the average; 4 % exited a month ago; 3 % stopped coming.
  const perProject = options.people / approved.length;
  let personId = await nextId(db, 'people');
  let employmentId = await nextId(db, 'employments');
  const historyStart = addDays(options.today, -(options.days - 1));
  const staff = new Map<number, { id: number; person: number; pin: string; entry: string; exit: string | null; quits: boolean }[]>();
  let peopleWritten = 0;
  for (const [index, project] of approved.entries()) {
    const size = index === approved.length - 1 ? options.people - peopleWritten : Math.round(perProject * (0.3 + 1.4 * rng.next()));
    const people: Record<string, unknown>[] = [];
    const employments: Record<string, unknown>[] = [];
    const list: { id: number; person: number; pin: string; entry: string; exit: string | null; quits: boolean }[] = [];
    const projectTeams = teamsOf.get(project)!;
    for (let p = 0; p < size; p += 1) {
      const person = personId++;
      const pin = `B${String(p).padStart(5, '0')}`;
      // Most entered before the history starts; some during it.
      const entry = rng.chance(0.8) ? addDays(historyStart, -rng.int(1, 200)) : addDays(historyStart, rng.int(0, options.days - 1));
      const leaves = addDays(options.today, -rng.int(20, 40));
      const exit = rng.chance(0.04) && leaves >= entry ? leaves : null;
      people.push({
        ...personTemplate,
        id: person,
        name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(0.5) ? rng.pick(GIVEN) : ''}`,
        // Bench-only identities: unique, never shown, not valid GB 11643 numbers.
        id_number: `BENCH${String(person).padStart(13, '0')}`,
        id_front: null,
        id_back: null,
        date_created: ts(created),
        date_updated: null,
      });
      employments.push({
        ...employmentTemplate,
        id: employmentId,
        project,
        person,
        team: projectTeams[p % projectTeams.length],
        unit: unitId,
        role: 'worker',
        card_no: null,
        // What the template's project recorded about its person is not this bench person's.
        phone: null,
        bank_card_no: null,
        id_front: null,
        id_back: null,
        photo: null,
        face_photo: null,
        face_device_photo: null,
        face_check: null,
        device_pin: pin,
        entry_date: date(entry),
        exit_date: exit ? date(exit) : null,
        status: exit && exit < options.today ? 'exited' : 'on_site',
        exit_reason: exit ? 'contract_end' : null,
        date_created: ts(created),
      });
      list.push({ id: employmentId++, person, pin, entry, exit, quits: rng.chance(0.03) });
    }
    await bulkInsert(db, 'people', people);
    await bulkInsert(db, 'employments', employments);
    staff.set(project, list);
    peopleWritten += size;
  }

  // Key posts awaiting the bureau: one project in ten has an entry to review, one in twenty an exit.
  const keyPosts: Record<string, unknown>[] = [];
  for (const [index, project] of approved.entries()) {
    const holder = staff.get(project)![0];
    if (!holder) continue;
    if (index % 10 === 0) keyPosts.push({ ...keyPostTemplate, project, person: holder.person, unit_role: '009', post: keyPostTemplate['post'], status: 'pending', exit_date: null, exit_reason: null });
    else if (index % 20 === 5) keyPosts.push({ ...keyPostTemplate, project, person: holder.person, unit_role: '009', post: keyPostTemplate['post'], status: 'exit_pending' });
  }
  await bulkInsert(db, 'key_posts', keyPosts);

  // Punches in the window; project_days from the same model before it.
  const windowStart = addDays(options.today, -(options.punchDays - 1));
  const started = performance.now();
  let punches = 0;
  const projectDays: Record<string, unknown>[] = [];
  await db.transaction(async (trx) => {
    for (const project of approved) {
      const [gateIn, gateOut] = gatesOf.get(project)!;
      const list = staff.get(project)!;
      const rows: Record<string, unknown>[] = [];
      for (let d = options.days - 1; d >= 0; d -= 1) {
        const day = addDays(options.today, -d);
        const sunday = new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
        const isToday = day === options.today;
        let onSite = 0;
        let present = 0;
        for (const e of list) {
          if (e.entry > day || (e.exit !== null && e.exit < day)) continue;
          onSite += 1;
          if (e.quits && day > addDays(options.today, -12)) continue;
          if (!rng.chance(sunday ? 0.6 : 0.85)) continue;
          const lone = rng.chance(0.05);
          if (day < windowStart) {
            if (!lone) present += 1;
            continue;
          }
          const arrive = at(day, rng.int(6 * 3600 + 40 * 60, 8 * 3600 + 30 * 60));
          const leave = at(day, rng.int(17 * 3600, 19 * 3600 + 20 * 60));
          const times: [number, 'in' | 'out'][] = lone || isToday ? [[arrive, 'in']] : [[arrive, 'in'], [leave, 'out']];
          for (const [time, direction] of times) {
            if (time > created) continue;
            const gate = direction === 'in' ? gateIn! : gateOut!;
            rows.push({
              project,
              device: gate.id,
              employment: e.id,
              person: e.person,
              device_pin: e.pin,
              punched_at: ts(time),
              direction,
              verify_mode: '15',
              source: 'device',
              dedup_key: `${gate.sn}|${e.pin}|${time}`,
              raw: 'bench',
              received_at: ts(time + 5_000),
            });
          }
        }
        if (day < windowStart) {
          projectDays.push({ project, day: date(day), on_site: onSite, present, attendance_rate: onSite ? Math.round((present / onSite) * 10_000) / 10_000 : null, key_posts_required: 0, key_posts_present: 0, key_post_rate: null });
        }
      }
      await bulkInsert(trx, 'punches', rows);
      punches += rows.length;
    }
  });
  const punchSeconds = (performance.now() - started) / 1000;
  await bulkInsert(db, 'project_days', projectDays);
  if (!sqlite) {
    // Rows were written with explicit keys: move PostgreSQL's sequences past them.
    for (const table of ['projects', 'teams', 'devices', 'people', 'employments']) {
      await db.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [table, table]);
    }
  }
  return { projects: projects.length, approved: approved.length, people: peopleWritten, devices: devices.length, punches, projectDays: projectDays.length, punchSeconds };
}
