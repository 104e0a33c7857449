import { beforeAll, describe, expect, test } from 'vitest';
import { COLLECTIONS } from '../../schema/model';
import { accountToEmail } from '../../schema/rules/account';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { ADMIN } from './fixtures';
import { api as callApi, login as callLogin } from './http';

/**
 * Project isolation, run against the SQLite platform and again against PostgreSQL:
 * project staff of A get 403 for every project-B resource and nothing through Directus's own APIs.
 * @example isolationSuite('sqlite', () => inject('baseUrl'));
 */
export function isolationSuite(label: string, baseUrl: () => string): void {
const api = (method: string, path: string, options: { json?: unknown; token?: string } = {}) => callApi(method, path, { ...options, baseUrl: baseUrl() });
const login = (email: string, password: string) => callLogin(email, password, baseUrl());

/** Ids of one project's rows, read as administrator. */
async function projectRows(admin: string, projectId: number) {
  const ids = async (collection: string) =>
    (await api('GET', `/items/${collection}?filter[project][_eq]=${projectId}&fields=id&limit=-1`, { token: admin })).body.data.map((r: { id: number }) => r.id);
  return { teams: await ids('teams'), employments: await ids('employments'), devices: await ids('devices'), punches: await ids('punches') };
}

async function uploadImage(admin: string): Promise<string> {
  const form = new FormData();
  // A 1×1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  form.append('file', new Blob([png], { type: 'image/png' }), 'face.png');
  const response = await fetch(`${baseUrl()}/files`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  expect(response.status).toBe(200);
  return (await response.json()).data.id;
}

describe(`project isolation (${label})`, () => {
  const [a, b] = DEMO_LOGINS.projects;
  let admin: string;
  let staffA: string;
  let staffB: string;
  let projectA: number;
  let projectB: number;
  let rowsA: Awaited<ReturnType<typeof projectRows>>;
  let rowsB: Awaited<ReturnType<typeof projectRows>>;
  let fileB: string;

  beforeAll(async () => {
    admin = await login(ADMIN.email, ADMIN.password);
    staffA = await login(accountToEmail(a!.account), a!.password);
    staffB = await login(accountToEmail(b!.account), b!.password);
    projectA = (await api('GET', '/platform/me', { token: staffA })).body.data.project.id;
    projectB = (await api('GET', '/platform/me', { token: staffB })).body.data.project.id;
    rowsA = await projectRows(admin, projectA);
    rowsB = await projectRows(admin, projectB);
    fileB = await uploadImage(admin);
    // A face project B recorded for one of its people (faces belong to the employment).
    expect((await api('PATCH', `/items/employments/${rowsB.employments[0]}`, { token: admin, json: { face_photo: fileB } })).status).toBe(200);
  });

  test('the demo city gives both projects data to leak', () => {
    expect(projectA).not.toBe(projectB);
    for (const rows of [rowsA, rowsB]) {
      expect(rows.teams.length).toBeGreaterThan(0);
      expect(rows.employments.length).toBeGreaterThan(0);
      expect(rows.devices.length).toBeGreaterThan(0);
      expect(rows.punches.length).toBeGreaterThan(0);
    }
  });

  test('lists through our endpoints hold only the own project rows', async () => {
    const teams = (await api('GET', '/platform/teams', { token: staffA })).body.data.map((t: { id: number }) => t.id);
    expect(teams.sort()).toEqual([...rowsA.teams].sort());
    for (const status of ['on_site', 'exited']) {
      let page = 1;
      for (;;) {
        const body = (await api('GET', `/platform/people?status=${status}&page=${page}`, { token: staffA })).body.data;
        for (const item of body.items) expect(rowsA.employments).toContain(item.id);
        if (page * body.page_size >= body.total) break;
        page += 1;
      }
    }
    const devices = (await api('GET', '/platform/devices', { token: staffA })).body.data.map((d: { id: number }) => d.id);
    expect(devices.sort()).toEqual([...rowsA.devices].sort());
    const punches = (await api('GET', '/platform/punches?limit=200', { token: staffA })).body.data;
    expect(punches.length).toBeGreaterThan(0);
    for (const punch of punches) expect(rowsA.punches).toContain(punch.id);
  });

  test('every project-B resource through our endpoints answers 403 to project A', async () => {
    for (const id of rowsB.employments.slice(0, 5)) expect((await api('GET', `/platform/people/${id}`, { token: staffA })).status).toBe(403);
    expect((await api('GET', `/platform/files/${fileB}`, { token: staffA })).status).toBe(403);
    // ...while project B itself reads them.
    expect((await api('GET', `/platform/people/${rowsB.employments[0]}`, { token: staffB })).status).toBe(200);
    const own = await fetch(`${baseUrl()}/platform/files/${fileB}`, { headers: { authorization: `Bearer ${staffB}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
  });

  test('lists mask ID numbers and phones; the detail view of the own project shows them in full', async () => {
    const list = (await api('GET', '/platform/people', { token: staffA })).body.data.items;
    expect(list[0].id_number).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(list[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const detail = (await api('GET', `/platform/people/${list[0].id}`, { token: staffA })).body.data;
    expect(detail.person.id_number).toMatch(/^\d{17}[\dX]$/);
  });

  test('Directus APIs give project staff nothing beyond themselves', async () => {
    for (const { collection } of COLLECTIONS) {
      expect((await api('GET', `/items/${collection}`, { token: staffA })).status, collection).toBe(403);
      expect((await api('GET', `/items/${collection}/1`, { token: staffA })).status, collection).toBe(403);
    }
    expect((await api('GET', '/files', { token: staffA })).status).toBe(403);
    expect((await api('GET', `/assets/${fileB}`, { token: staffA })).status).toBe(403);
    expect((await api('GET', `/files/${fileB}`, { token: staffA })).status).toBe(403);
    expect((await api('GET', '/users', { token: staffA })).status).toBe(403);
    const me = await api('GET', '/users/me', { token: staffA });
    expect(me.body.data.id).toBe((await api('GET', '/platform/me', { token: staffA })).body.data.id);
    expect(Object.keys(me.body.data)).not.toContain('project');
    const other = (await api('GET', '/users/me?fields=id', { token: staffB })).body.data.id;
    expect((await api('GET', `/users/${other}`, { token: staffA })).status).toBe(403);
    const graphql = await api('POST', '/graphql', { token: staffA, json: { query: '{ people { id id_number } employments { id } }' } });
    expect(JSON.stringify(graphql.body)).not.toContain('id_number":"');
    expect(graphql.body.data ?? null).toBeNull();
    expect((await api('PATCH', `/items/people/1`, { token: staffA, json: { name: 'x' } })).status).toBe(403);
  });

  test('anonymous callers get nothing', async () => {
    expect((await api('GET', '/platform/me')).status).toBe(401);
    expect((await api('GET', '/platform/people')).status).toBe(401);
    expect((await api('GET', '/items/people')).status).toBe(403);
    expect((await api('GET', `/assets/${fileB}`)).status).toBe(403);
  });
});
}
