import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { makeUscc } from '../schema/rules/uscc';
import { countRows, openDatabase } from './support/db';
import { api, errorOf } from './support/http';
import { projectStaff } from './support/site-fixtures';

let seq = Date.now() % 800_000_000;
const unique = () => (seq += 1);

/** A valid credit code no unit has yet. */
async function freeUscc(db: Knex): Promise<string> {
  for (;;) {
    const code = makeUscc(unique() % 31 ** 6, { regionCode: '510802' });
    if (!(await db('units').where({ uscc: code }).first('id'))) return code;
  }
}

describe('项目班组 and 参建单位', () => {
  let db: Knex;
  let staff: { token: string; projectId: number };
  let other: { token: string; projectId: number };
  let ownUnit: number;
  let otherUnit: number;

  const userAudits = async (projectId: number) => Number((await db('audit_log').where({ project: projectId, actor_kind: 'user' }).count({ n: '*' }))[0]?.['n'] ?? 0);

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    staff = await projectStaff(0);
    other = await projectStaff(1);
    ownUnit = Number((await db('project_units').where({ project: staff.projectId }).orderBy('id').first('unit')).unit);
    otherUnit = Number(
      (await db('project_units').where({ project: other.projectId }).whereNotIn('unit', db('project_units').where({ project: staff.projectId }).select('unit')).first('unit')).unit,
    );
  });
  afterAll(() => db.destroy());

  describe('GET /platform/teams', () => {
    test('lists the own teams with their on-site headcount from the database', async () => {
      const { status, body } = await api('GET', '/platform/teams', { token: staff.token });
      expect(status).toBe(200);
      const rows = await db('teams').where({ project: staff.projectId }).select('id');
      expect(body.data.map((t: { id: number }) => t.id).sort()).toEqual(rows.map((r) => Number(r.id)).sort());
      for (const team of body.data) {
        const [count] = await db('employments').where({ team: team.id, status: 'on_site' }).count({ n: '*' });
        expect(team.on_site).toBe(Number(count?.['n']));
      }
      expect(body.data.some((t: { on_site: number }) => t.on_site > 0)).toBe(true);
      expect(body.data[0]).toEqual(expect.objectContaining({ name: expect.any(String), unit: expect.any(Number), unit_name: expect.any(String) }));
    });

    test('searches by name and filters by kind', async () => {
      const all = (await api('GET', '/platform/teams', { token: staff.token })).body.data as { name: string; kind: string }[];
      const sample = all[0]!.name.slice(0, 2);
      const found = (await api('GET', `/platform/teams?q=${encodeURIComponent(sample)}`, { token: staff.token })).body.data as { name: string; unit_name: string }[];
      expect(found.length).toBeGreaterThan(0);
      for (const team of found) expect(`${team.name}${team.unit_name}`).toContain(sample);
      const management = (await api('GET', '/platform/teams?kind=management', { token: staff.token })).body.data as { kind: string }[];
      const workers = (await api('GET', '/platform/teams?kind=worker', { token: staff.token })).body.data as { kind: string }[];
      expect(management.length).toBeGreaterThan(0);
      expect(workers.length).toBeGreaterThan(0);
      expect(management.every((t) => t.kind === 'management')).toBe(true);
      expect(workers.every((t) => t.kind !== 'management')).toBe(true);
      expect(management.length + workers.length).toBe(all.length);
    });

    test("another project's team is 403", async () => {
      const foreign = await db('teams').where({ project: other.projectId }).first('id');
      const { status } = await api('GET', `/platform/teams/${foreign.id}`, { token: staff.token });
      expect(status).toBe(403);
    });
  });

  describe('POST /platform/teams', () => {
    const valid = () => ({ name: `钢筋${unique()}班`, kind: 'worker', unit: ownUnit, trade: '020', leader_name: '王班长', leader_phone: '13811112222' });

    test('creates a worker team, audited, with no one on site', async () => {
      const team = valid();
      const audits = await userAudits(staff.projectId);
      const { status, body } = await api('POST', '/platform/teams', { token: staff.token, json: team });
      expect(status).toBe(201);
      expect(body.data).toMatchObject({ name: team.name, kind: 'worker', unit: ownUnit, trade: '020', status: 'active', on_site: 0, leader_name: '王班长' });
      const row = await db('teams').where({ id: body.data.id }).first();
      expect(row).toMatchObject({ project: staff.projectId, name: team.name, kind: 'worker', trade: '020' });
      expect(row.date_created).not.toBeNull();
      expect(await userAudits(staff.projectId)).toBe(audits + 1);
    });

    test('a management team keeps no trade', async () => {
      const { status, body } = await api('POST', '/platform/teams', { token: staff.token, json: { ...valid(), kind: 'management', trade: '020' } });
      expect(status).toBe(201);
      expect(body.data).toMatchObject({ kind: 'management', trade: null });
    });

    test.each([
      ['no name', { name: '  ' }, 400, 'name', '请填写班组名称'],
      ['unknown kind', { kind: 'labour' }, 400, 'kind', '请选择班组类型'],
      ['worker team without trade', { trade: null }, 400, 'trade', '请选择工种'],
      ['trade not in the national list', { trade: '999' }, 400, 'trade', '工种不在国家工种目录中'],
      ['worker team of 管理人员', { trade: '900' }, 400, 'trade', '务工人员班组的工种不能为“管理人员”'],
      ['no unit', { unit: null }, 400, 'unit', '请选择所属企业'],
      ['leader phone not a mobile', { leader_phone: '12345' }, 400, 'leader_phone', '班组长电话应为11位手机号码'],
    ])('%s → %i, nothing written', async (_case, change, status, field, message) => {
      const before = await countRows(db, 'teams');
      const response = await api('POST', '/platform/teams', { token: staff.token, json: { ...valid(), ...change } });
      expect(response.status).toBe(status);
      expect(errorOf(response.body)).toMatchObject({ field, message });
      expect(await countRows(db, 'teams')).toBe(before);
    });

    test("another project's unit → 403, nothing written", async () => {
      const before = await countRows(db, 'teams');
      const response = await api('POST', '/platform/teams', { token: staff.token, json: { ...valid(), unit: otherUnit } });
      expect(response.status).toBe(403);
      expect(await countRows(db, 'teams')).toBe(before);
    });

    test('a name already used in the project → 409; another project may use it', async () => {
      const team = valid();
      expect((await api('POST', '/platform/teams', { token: staff.token, json: team })).status).toBe(201);
      const before = await countRows(db, 'teams');
      const again = await api('POST', '/platform/teams', { token: staff.token, json: { ...team, name: ` ${team.name} ` } });
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'TEAM_NAME_TAKEN', field: 'name' });
      expect(await countRows(db, 'teams')).toBe(before);
      const otherUnitOwn = Number((await db('project_units').where({ project: other.projectId }).first('unit')).unit);
      expect((await api('POST', '/platform/teams', { token: other.token, json: { ...team, unit: otherUnitOwn } })).status).toBe(201);
    });
  });

  describe('PUT /platform/teams/:id', () => {
    test('edits the own team', async () => {
      const created = (await api('POST', '/platform/teams', { token: staff.token, json: { name: `木工${unique()}班`, kind: 'worker', unit: ownUnit, trade: '240' } })).body.data;
      const renamed = `${created.name}（二）`;
      const { status, body } = await api('PUT', `/platform/teams/${created.id}`, { token: staff.token, json: { name: renamed, kind: 'worker', unit: ownUnit, trade: '050' } });
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ id: created.id, name: renamed, trade: '050' });
      expect(await db('audit_log').where({ action: 'team.update', item: String(created.id) }).first('before')).toBeTruthy();
    });

    test('cannot take the name of another team of the project', async () => {
      const a = (await api('POST', '/platform/teams', { token: staff.token, json: { name: `甲${unique()}班`, kind: 'worker', unit: ownUnit, trade: '240' } })).body.data;
      const b = (await api('POST', '/platform/teams', { token: staff.token, json: { name: `乙${unique()}班`, kind: 'worker', unit: ownUnit, trade: '240' } })).body.data;
      const response = await api('PUT', `/platform/teams/${b.id}`, { token: staff.token, json: { name: a.name, kind: 'worker', unit: ownUnit, trade: '240' } });
      expect(response.status).toBe(409);
      expect((await db('teams').where({ id: b.id }).first('name')).name).toBe(b.name);
    });

    test('cannot change the kind while people are on site', async () => {
      const busy = (await api('GET', '/platform/teams?kind=worker', { token: staff.token })).body.data.find((t: { on_site: number }) => t.on_site > 0);
      const response = await api('PUT', `/platform/teams/${busy.id}`, { token: staff.token, json: { name: busy.name, kind: 'management', unit: busy.unit } });
      expect(response.status).toBe(409);
      expect(errorOf(response.body).rule).toBe('TEAM_KIND_IN_USE');
      expect((await db('teams').where({ id: busy.id }).first('kind')).kind).toBe(busy.kind);
    });

    test("another project's team → 403, unchanged", async () => {
      const foreign = await db('teams').where({ project: other.projectId }).first('id', 'name', 'unit');
      const response = await api('PUT', `/platform/teams/${foreign.id}`, { token: staff.token, json: { name: '改名', kind: 'worker', unit: ownUnit, trade: '010' } });
      expect(response.status).toBe(403);
      expect((await db('teams').where({ id: foreign.id }).first('name')).name).toBe(foreign.name);
    });
  });

  describe('GET /platform/units', () => {
    test("lists exactly the project's units, one entry per company", async () => {
      const { status, body } = await api('GET', '/platform/units', { token: staff.token });
      expect(status).toBe(200);
      const rows = await db('project_units').where({ project: staff.projectId }).distinct('unit');
      expect(body.data.map((u: { id: number }) => u.id).sort()).toEqual(rows.map((r) => Number(r.unit)).sort());
      expect(body.data.filter((u: { is_main: boolean }) => u.is_main).length).toBeGreaterThanOrEqual(5);
      expect(body.data[0]).toEqual(expect.objectContaining({ name: expect.any(String), uscc: expect.any(String), participations: expect.any(Array), participation_label: expect.any(String) }));
    });
  });

  describe('POST /platform/units', () => {
    test('creates a company and its participation, then reuses the company for another type', async () => {
      const uscc = await freeUscc(db);
      const [units, links] = [await countRows(db, 'units'), await countRows(db, 'project_units')];
      const created = await api('POST', '/platform/units', { token: staff.token, json: { name: '广元市测试劳务有限公司', uscc: uscc.toLowerCase(), participation: '006' } });
      expect(created.status).toBe(201);
      expect(created.body.data).toMatchObject({ name: '广元市测试劳务有限公司', uscc, participations: ['006'], participation_label: '劳务分包', is_main: false, reused: false });
      expect([await countRows(db, 'units'), await countRows(db, 'project_units')]).toEqual([units + 1, links + 1]);

      const again = await api('POST', '/platform/units', { token: staff.token, json: { name: '广元市测试劳务有限公司', uscc, participation: '006' } });
      expect(again.status).toBe(409);
      expect(errorOf(again.body).rule).toBe('UNIT_ALREADY_IN_PROJECT');

      const second = await api('POST', '/platform/units', { token: staff.token, json: { name: '别的名字', uscc, participation: '001' } });
      expect(second.status).toBe(201);
      expect(second.body.data).toMatchObject({ id: created.body.data.id, name: '广元市测试劳务有限公司', participations: ['006', '001'], reused: true });
      expect([await countRows(db, 'units'), await countRows(db, 'project_units')]).toEqual([units + 1, links + 2]);

      const listed = (await api('GET', '/platform/units', { token: staff.token })).body.data;
      expect(listed).toContainEqual(expect.objectContaining({ id: created.body.data.id }));
      const team = await api('POST', '/platform/teams', { token: staff.token, json: { name: `劳务${unique()}班`, kind: 'worker', unit: created.body.data.id, trade: '390' } });
      expect(team.status).toBe(201);
    });

    test("another project's company is reused by its credit code (city-wide) with its registered name", async () => {
      const foreign = await db('units').where({ id: otherUnit }).first('id', 'name', 'uscc');
      const response = await api('POST', '/platform/units', { token: staff.token, json: { name: '随便写的名字', uscc: foreign.uscc, participation: '012' } });
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ id: Number(foreign.id), name: foreign.name, reused: true });
      expect((await db('units').where({ id: foreign.id }).first('name')).name).toBe(foreign.name);
    });

    const validUnit = { name: '四川测试专业分包有限公司', participation: '001' };
    test.each([
      ['wrong check character', (code: string) => `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`, 'USCC_CHECKSUM'],
      ['17 characters', (code: string) => code.slice(0, 17), 'USCC_FORMAT'],
      ['a letter the code never uses', (code: string) => `${code.slice(0, 10)}I${code.slice(11)}`, 'USCC_FORMAT'],
    ])('a credit code with %s → 400 %s, nothing written', async (_case, spoil, rule) => {
      const uscc = spoil(await freeUscc(db));
      const [units, links] = [await countRows(db, 'units'), await countRows(db, 'project_units')];
      const response = await api('POST', '/platform/units', { token: staff.token, json: { ...validUnit, uscc } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ rule, field: 'uscc' });
      expect(errorOf(response.body).message).toContain('统一社会信用代码');
      expect([await countRows(db, 'units'), await countRows(db, 'project_units')]).toEqual([units, links]);
    });

    test.each([
      ['a main-unit type', { participation: '009' }, 'participation'],
      ['an unknown type', { participation: '099' }, 'participation'],
      ['no name', { name: '' }, 'name'],
      ['a bad phone', { contact_phone: '123' }, 'contact_phone'],
    ])('%s → 400 naming the field', async (_case, change, field) => {
      const uscc = await freeUscc(db);
      const response = await api('POST', '/platform/units', { token: staff.token, json: { ...validUnit, uscc, ...change } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body).field).toBe(field);
      expect(await db('units').where({ uscc }).first('id')).toBeUndefined();
    });
  });
});
