/**
 * Personal data in the studio, from the bureau's side and the attacker's: masked on every read
 * (lists, nested relations, aliases, aggregates, GraphQL), revealed only with a reason and an audit
 * row, photos only through the audited viewer, no file library, no generic export of people.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { countRows, openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { keyPostFields, registerKeyPost, tinyPng } from './support/studio-fixtures';

const MASKED_ID = /^\d{4}\*{10}\d{3}[\dX]$/;

describe('personal data in the studio', () => {
  let db: Knex;
  let bureau: string;
  let bureauId: string;
  let admin: string;
  let project: FreshProject;
  let other: FreshProject;
  let keyPost: number;
  let person: number;
  let employment: number;
  let fields: Record<string, string>;

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    admin = await login(ADMIN.email, ADMIN.password);
    bureauId = (await api('GET', '/users/me?fields=id', { token: bureau })).body.data.id;
    project = await createApprovedProject('个人信息测试');
    other = await createApprovedProject('个人信息测试乙');
    fields = keyPostFields({ name: '周质检' });
    ({ id: keyPost, person, employment } = await registerKeyPost(project.token, fields));
  });
  afterAll(() => db.destroy());

  const auditRows = (action: string, item: number) => db('audit_log').where({ action, item: String(item) }).orderBy('id');

  describe('every read by bureau staff is masked', () => {
    test('lists and item pages: ID number, phone and address masked; administrators see them in full', async () => {
      const shown = (await api('GET', `/items/people/${person}?fields=name,id_number,address,id_front`, { token: bureau })).body.data;
      expect(shown.name).toBe('周质检');
      expect(shown.id_number).toMatch(MASKED_ID);
      expect(shown.id_number.slice(-4)).toBe(fields['id_number']!.slice(-4));
      expect(shown.address).not.toContain('滨河路');
      // The photo is a reference: what protects it is that bureau staff cannot open files (below).
      expect(shown.id_front).toMatch(/^[0-9a-f-]{36}$/);
      // The phone is what the project recorded: it lives on the employment, masked there, as is the
      // employment's own reading of the card.
      const stay = (await api('GET', `/items/employments/${employment}?fields=person,phone,id_card,id_front`, { token: bureau })).body.data;
      expect(stay.person).toBe(person);
      expect(stay.phone).toBe('139****7788');
      // The card as this project read it: the address masked as on people, the rest readable.
      expect(JSON.stringify(stay.id_card)).not.toContain('滨河路');
      expect(stay.id_card).toMatchObject({ issuing_authority: fields['issuing_authority'], id_valid_to: '长期' });
      expect(stay.id_front).toMatch(/^[0-9a-f-]{36}$/);
      const list = (await api('GET', `/items/employments?fields=id,phone&filter[person][_eq]=${person}`, { token: bureau })).body.data;
      expect(list).toEqual([{ id: employment, phone: '139****7788' }]);
      const full = (await api('GET', `/items/people/${person}?fields=id_number,address`, { token: admin })).body.data;
      expect(full).toEqual({ id_number: fields['id_number'], address: fields['address'] });
      expect((await api('GET', `/items/employments/${employment}?fields=phone`, { token: admin })).body.data).toEqual({ phone: fields['phone'] });
    });

    test('nested through relations, renamed by aliases, grouped or aggregated: never in clear', async () => {
      const nested = await api('GET', `/items/key_posts/${keyPost}?fields=person.id_number,person.address,employment.phone,project.contact_phone,project.declared_units`, { token: bureau });
      expect(nested.body.data.person.id_number).toMatch(MASKED_ID);
      expect(nested.body.data.person.address).not.toContain('滨河路');
      expect(nested.body.data.employment.phone).toBe('139****7788');
      const fromStay = await api('GET', `/items/employments/${employment}?fields=phone,person.id_number,person.address`, { token: bureau });
      expect(fromStay.body.data).toEqual({ phone: '139****7788', person: { id_number: expect.stringMatching(MASKED_ID), address: expect.not.stringContaining('滨河路') } });
      expect(nested.body.data.project.contact_phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(JSON.stringify(nested.body.data.project.declared_units)).not.toMatch(/1380000000\d/);
      expect(nested.body.data.project.declared_units[0].name).toBeTruthy();

      const graphql = await api('POST', '/graphql', {
        token: bureau,
        json: { query: `{ employments(filter: { id: { _eq: ${employment} } }) { p: phone who: person { n: id_number } } }` },
      });
      expect(graphql.body.data.employments[0]).toEqual({ p: '139****7788', who: { n: expect.stringMatching(MASKED_ID) } });
      const deep = await api('GET', `/items/key_posts/${keyPost}?fields=who.num&alias[who]=person&deep[who][_alias][num]=id_number`, { token: bureau });
      expect(JSON.stringify(deep.body)).not.toContain(fields['id_number']);
      // A relation renamed: the employment under another name still has its phone masked; the phone renamed too.
      const renamed = await api('GET', `/items/key_posts/${keyPost}?fields=stay.phone,stay.id&alias[stay]=employment`, { token: bureau });
      expect(renamed.body.data).toEqual({ stay: { phone: '139****7788', id: employment } });
      const renamedPhone = await api('GET', `/items/employments?fields=id,tel&alias[tel]=phone&filter[id][_eq]=${employment}`, { token: bureau });
      expect(renamedPhone.body.data).toEqual([{ id: employment, tel: '139****7788' }]);
      const grouped = await api('GET', `/items/employments?groupBy[]=phone&aggregate[min]=phone&filter[id][_eq]=${employment}`, { token: bureau });
      expect(grouped.body.data[0]).toEqual({ phone: '139****7788', min: { phone: '139****7788' } });
      const byNumber = await api('GET', `/items/people?groupBy[]=id_number&aggregate[min]=address&filter[id][_eq]=${person}`, { token: bureau });
      expect(byNumber.body.data[0]).toEqual({ id_number: expect.stringMatching(MASKED_ID), min: { address: expect.not.stringContaining('滨河路') } });
      const raw = JSON.stringify([nested.body, fromStay.body, graphql.body, deep.body, renamed.body, renamedPhone.body, grouped.body, byNumber.body]);
      expect(raw).not.toContain(fields['id_number']);
      expect(raw).not.toContain(fields['phone']);
      expect(raw).not.toContain(fields['address']);
    });
  });

  describe('查看完整信息 (POST /platform/studio/reveal)', () => {
    test('bureau staff with a reason see the values in full; the audit row says who, whose, which fields and why, not the values', async () => {
      const before = await countRows(db, 'audit_log');
      const { status, body } = await api('POST', '/platform/studio/reveal', { token: bureau, json: { collection: 'people', id: person, reason: '核查工资投诉' } });
      expect(status).toBe(200);
      expect(body.data.subject).toBe('周质检');
      const values = Object.fromEntries(body.data.fields.map((f: { field: string; value: string }) => [f.field, f.value]));
      expect(values).toMatchObject({ id_number: fields['id_number'], address: fields['address'] });
      expect(body.data.fields.find((f: { field: string }) => f.field === 'id_number').label).toBe('证件号码');
      expect(await countRows(db, 'audit_log')).toBe(before + 1);
      const [row] = await auditRows('personal_data.reveal', person);
      expect(row).toMatchObject({ actor: bureauId, actor_kind: 'user', collection: 'people' });
      expect(row.note).toContain('周质检');
      expect(row.note).toContain('核查工资投诉');
      expect(JSON.parse(row.after).fields).toEqual(expect.arrayContaining(['id_number', 'address']));
      expect(JSON.stringify(row)).not.toContain(fields['id_number']);
      expect(JSON.stringify(row)).not.toContain(fields['address']);
    });

    test('the phone a project recorded is revealed from the employment, audited under its person’s name', async () => {
      const before = await countRows(db, 'audit_log');
      const { status, body } = await api('POST', '/platform/studio/reveal', { token: bureau, json: { collection: 'employments', id: employment, reason: '联系本人核实考勤' } });
      expect(status).toBe(200);
      expect(body.data.subject).toBe('周质检');
      const values = Object.fromEntries(body.data.fields.map((f: { field: string; value: string }) => [f.field, f.value]));
      expect(values['phone']).toBe(fields['phone']);
      expect(body.data.fields.find((f: { field: string }) => f.field === 'phone').label).toBe('联系电话');
      expect(await countRows(db, 'audit_log')).toBe(before + 1);
      const [row] = await auditRows('personal_data.reveal', employment).where({ collection: 'employments' });
      expect(row).toMatchObject({ actor: bureauId, actor_kind: 'user', collection: 'employments', project: project.id });
      expect(row.note).toContain('周质检');
      expect(row.note).toContain('联系电话');
      expect(row.note).toContain('联系本人核实考勤');
      expect(JSON.parse(row.after).fields).toEqual(expect.arrayContaining(['phone', 'bank_card_no']));
      expect(JSON.stringify(row)).not.toContain(fields['phone']);
    });

    test.each([
      ['no reason', { collection: 'people', reason: '' }, 400, 'PLATFORM_INVALID_INPUT'],
      ['a collection without personal data', { collection: 'punches', reason: '核查' }, 400, 'PLATFORM_INVALID_INPUT'],
      ['an unknown collection', { collection: 'directus_users', reason: '核查' }, 400, 'PLATFORM_INVALID_INPUT'],
    ])('refused: %s, nothing audited', async (_case, over, status, code) => {
      const before = await countRows(db, 'audit_log');
      const response = await api('POST', '/platform/studio/reveal', { token: bureau, json: { id: person, ...over } });
      expect(response.status).toBe(status);
      expect(errorOf(response.body).code).toBe(code);
      expect(await countRows(db, 'audit_log')).toBe(before);
    });

    test('project staff (even the person’s own project) and anonymous callers cannot reveal', async () => {
      const before = await countRows(db, 'audit_log');
      expect((await api('POST', '/platform/studio/reveal', { token: project.token, json: { collection: 'people', id: person, reason: '好奇' } })).status).toBe(403);
      expect((await api('POST', '/platform/studio/reveal', { token: other.token, json: { collection: 'people', id: person, reason: '好奇' } })).status).toBe(403);
      expect((await api('POST', '/platform/studio/reveal', { json: { collection: 'people', id: person, reason: '好奇' } })).status).toBe(401);
      expect(await countRows(db, 'audit_log')).toBe(before);
    });
  });

  describe('photos', () => {
    test('bureau staff have no file library: /files, /folders listing nothing of theirs, /assets refused', async () => {
      const file = (await db('people').where({ id: person }).first('id_front')).id_front;
      expect((await api('GET', '/files?limit=1', { token: bureau })).status).toBe(403);
      expect((await api('GET', `/files/${file}`, { token: bureau })).status).toBe(403);
      expect((await fetch(`${inject('baseUrl')}/assets/${file}`, { headers: { authorization: `Bearer ${bureau}` } })).status).toBe(403);
      // Directus 12.4 answered 500 here for every non-administrator; the 文件 module now gets a plain answer.
      expect((await api('GET', '/folders?limit=-1', { token: bureau })).status).not.toBe(500);
    });

    test('an ID photo opens from its person with a reason, once per view, each view audited', async () => {
      const view = (json: Record<string, unknown>) => fetch(`${inject('baseUrl')}/platform/studio/files`, { method: 'POST', headers: { authorization: `Bearer ${bureau}`, 'content-type': 'application/json' }, body: JSON.stringify(json) });
      const before = await countRows(db, 'audit_log');
      const noReason = await view({ collection: 'people', id: person, field: 'id_front' });
      expect(noReason.status).toBe(400);
      expect((await noReason.json()).errors[0].message).toContain('查看事由');
      for (let i = 0; i < 2; i++) {
        const shown = await view({ collection: 'people', id: person, field: 'id_front', reason: '核对身份证照片' });
        expect(shown.status).toBe(200);
        expect(shown.headers.get('content-type')).toContain('image/');
        expect(Buffer.from(await shown.arrayBuffer()).equals(tinyPng())).toBe(true);
      }
      const rows = await auditRows('file.view', person);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ actor: bureauId, collection: 'people' });
      expect(rows[0].note).toContain('身份证人像面');
      expect(rows[0].note).toContain('核对身份证照片');
      expect(await countRows(db, 'audit_log')).toBe(before + 2);

      // A key post's certificate is no ID photo: no reason needed, still audited.
      const certificate = await view({ collection: 'key_posts', id: keyPost, field: 'certificate' });
      expect(certificate.status).toBe(200);
      expect(await auditRows('file.view', keyPost)).toHaveLength(1);
    });

    test('a file asked for through another record, field or caller is refused', async () => {
      const view = (token: string | null, json: Record<string, unknown>) =>
        fetch(`${inject('baseUrl')}/platform/studio/files`, { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: JSON.stringify(json) });
      const before = await countRows(db, 'audit_log');
      expect((await view(bureau, { collection: 'people', id: person, field: 'name', reason: '核对' })).status).toBe(403);
      expect((await view(bureau, { collection: 'people', id: 999999, field: 'id_front', reason: '核对' })).status).toBe(403);
      expect((await view(project.token, { collection: 'people', id: person, field: 'id_front', reason: '核对' })).status).toBe(403);
      expect((await view(null, { collection: 'people', id: person, field: 'id_front', reason: '核对' })).status).toBe(401);
      expect(await countRows(db, 'audit_log')).toBe(before);
    });
  });

  describe('the studio’s generic export', () => {
    test('of people (or any collection with personal data) is refused, in Chinese', async () => {
      for (const collection of ['people', 'projects', 'payroll_lines']) {
        const response = await api('GET', `/items/${collection}?export=csv&limit=-1`, { token: bureau });
        expect(response.status, collection).toBe(403);
        expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_FORBIDDEN', rule: 'PERSONAL_DATA_EXPORT' });
        expect(errorOf(response.body).message).toContain('导出花名册');
      }
      const toLibrary = await api('POST', '/utils/export/people', { token: bureau, json: { query: { limit: -1 }, format: 'csv' } });
      expect(toLibrary.status).toBe(403);
    });

    test('of other collections is allowed and audited with the row count', async () => {
      const response = await fetch(`${inject('baseUrl')}/items/punches?export=csv&limit=3&fields=id,punched_at`, { headers: { authorization: `Bearer ${bureau}` } });
      expect(response.status).toBe(200);
      const lines = (await response.text()).trim().split('\n');
      expect(lines.length).toBe(4);
      const row = await db('audit_log').where({ action: 'studio.export', actor: bureauId, collection: 'punches' }).orderBy('id', 'desc').first();
      expect(JSON.parse(row.after)).toEqual({ format: 'csv', rows: 3 });
      expect(row.note).toContain('打卡记录');
    });
  });

  test('audit rows keep personal values masked (the audit log is readable by the bureau)', async () => {
    const rows = await db('audit_log').where({ collection: 'people', item: String(person) });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(fields['id_number']);
    const stays = await db('audit_log').where({ collection: 'employments', item: String(employment) });
    expect(stays.length).toBeGreaterThan(0);
    expect(JSON.stringify(stays)).not.toContain(fields['phone']);
  });
});
