import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { countRows, openDatabase } from './support/db';
import { api, errorOf } from './support/http';
import { insertOnSite, insertTeam, PNG, postMultipart, projectStaff } from './support/site-fixtures';

const today = todayInShanghai(new Date());
const JPEG_TRUNCATED = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF'), Buffer.alloc(200, 7)]);
const TOO_LARGE = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(11 * 1024 * 1024, 1)]);

describe('劳动合同', () => {
  let db: Knex;
  let base: string;
  let staff: { token: string; projectId: number };
  let other: { token: string; projectId: number };
  let projectCode: string;
  let team: { id: number; unit: number; name: string };
  let ids: number[];

  const sign = (employment: number, files: [string, Buffer, string][], fields: Record<string, string> = {}, token = staff.token) =>
    postMultipart(token, '/platform/contracts', { employment: String(employment), signed_on: '2026-01-06', ...fields }, files, base);
  const counts = async () => ({ contracts: await countRows(db, 'contracts'), links: await countRows(db, 'contracts_files'), files: await countRows(db, 'directus_files'), audit: await countRows(db, 'audit_log') });

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    base = inject('baseUrl');
    staff = await projectStaff(0);
    other = await projectStaff(1);
    projectCode = (await db('projects').where({ id: staff.projectId }).first('code')).code;
    team = await insertTeam(db, staff.projectId, { name: `合同测试班${Date.now() % 10000}` });
    ids = await insertOnSite(db, staff.projectId, team, { count: 4, entryDate: '2026-01-05', namePrefix: '合同' });
  });
  afterAll(() => db.destroy());

  test('the list shows people on site with 已签订/未签订 and the counts', async () => {
    const all = (await api('GET', '/platform/contracts', { token: staff.token })).body.data;
    expect(all.signed + all.unsigned).toBe(all.total);
    expect(all.signed).toBeGreaterThan(0);
    const signed = (await api('GET', '/platform/contracts?status=signed', { token: staff.token })).body.data;
    expect(signed.total).toBe(all.signed);
    expect(signed.items.every((item: { contract: unknown }) => item.contract !== null)).toBe(true);
    expect(signed.items[0].contract.contract_no).toMatch(new RegExp(`^HT${projectCode}\\d{4}$`));
    const unsigned = (await api('GET', `/platform/contracts?status=unsigned&q=${encodeURIComponent(team.name)}`, { token: staff.token })).body.data;
    expect(unsigned.items.map((item: { id: number }) => item.id).sort()).toEqual([...ids].sort());
    expect(unsigned.items[0].id_number).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  test('签订合同 with two photos: the next HT number, private photo files, one audit entry', async () => {
    const last = await db('contracts').where('contract_no', 'like', `HT${projectCode}%`).orderByRaw('length(contract_no) desc, contract_no desc').first('contract_no');
    const expected = `HT${projectCode}${String(Number(last.contract_no.slice(2 + projectCode.length)) + 1).padStart(4, '0')}`;
    const response = await sign(ids[0]!, [
      ['photos', PNG, 'page1.png'],
      ['photos', PNG, 'page2.png'],
    ]);
    expect(response.status).toBe(201);
    expect(response.body.data.contract_no).toBe(expected);
    expect(response.body.data.photos).toHaveLength(2);

    const view = await api('GET', `/platform/contracts/${response.body.data.id}`, { token: staff.token });
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({ contract_no: expected, type: '0', signed_on: '2026-01-06', employment: ids[0], gender: 'male', photos: response.body.data.photos });
    expect(view.body.data.name).toMatch(/^合同/);
    expect(view.body.data.id_number).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(view.body.data.unit_name).toBeTruthy();

    const [photo] = response.body.data.photos;
    const own = await fetch(`${base}/platform/files/${photo}`, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${base}/platform/files/${photo}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(403);
    expect((await fetch(`${base}/assets/${photo}`)).status).toBe(403);
    expect((await fetch(`${base}/assets/${photo}`, { headers: { authorization: `Bearer ${staff.token}` } })).status).toBe(403);

    const audit = await db('audit_log').where({ action: 'contract.sign', item: String(response.body.data.id) });
    expect(audit).toHaveLength(1);
    const list = (await api('GET', `/platform/contracts?q=${encodeURIComponent(team.name)}`, { token: staff.token })).body.data;
    expect(list.items.find((item: { id: number }) => item.id === ids[0]).contract).toMatchObject({ contract_no: expected });

    const again = await sign(ids[0]!, [['photos', PNG, 'again.png']]);
    expect(again.status).toBe(409);
    expect(errorOf(again.body).rule).toBe('CONTRACT_EXISTS');
  });

  test.each([
    ['no photo', [] as [string, Buffer, string][], {}, 400, 'UPLOAD_MISSING'],
    ['a text file', [['photos', Buffer.from('not an image at all'), 'a.txt']], {}, 400, 'UPLOAD_NOT_IMAGE'],
    ['a truncated JPEG', [['photos', JPEG_TRUNCATED, 'a.jpg']], {}, 400, 'UPLOAD_TRUNCATED'],
    ['an 11 MB photo', [['photos', TOO_LARGE, 'big.png']], {}, 413, 'UPLOAD_TOO_LARGE'],
    ['ten photos', Array.from({ length: 10 }, (_, i) => ['photos', PNG, `${i}.png`]), {}, 400, 'UPLOAD_TOO_MANY'],
    ['a good and a bad photo', [['photos', PNG, 'ok.png'], ['photos', JPEG_TRUNCATED, 'bad.jpg']], {}, 400, 'UPLOAD_TRUNCATED'],
    ['a signing date in the future', [['photos', PNG, 'a.png']], { signed_on: addDays(today, 1) }, 400, 'DATE_FUTURE'],
    ['a bad signing date', [['photos', PNG, 'a.png']], { signed_on: '2026-13-01' }, 400, 'CUSTOM'],
    ['an unknown contract type', [['photos', PNG, 'a.png']], { type: '9' }, 400, 'INVALID_VALUE'],
  ] as const)('%s is refused and nothing is written', async (_case, files, fields, status, rule) => {
    const before = await counts();
    const response = await sign(ids[1]!, [...files] as [string, Buffer, string][], { ...fields });
    expect(response.status).toBe(status);
    expect(errorOf(response.body).rule).toBe(rule);
    expect(await counts()).toEqual(before);
  });

  test("another project's person cannot be signed for, nor its contract seen (403)", async () => {
    const foreignTeam = await insertTeam(db, other.projectId);
    const [foreign] = await insertOnSite(db, other.projectId, foreignTeam, { count: 1 });
    const before = await counts();
    expect((await sign(foreign!, [['photos', PNG, 'a.png']])).status).toBe(403);
    expect(await counts()).toEqual(before);
    const foreignContract = await db('contracts').join('employments', 'employments.id', 'contracts.employment').where('employments.project', other.projectId).first('contracts.id');
    expect((await api('GET', `/platform/contracts/${foreignContract.id}`, { token: staff.token })).status).toBe(403);
    expect((await postMultipart(staff.token, `/platform/contracts/${foreignContract.id}/photos`, {}, [['photos', PNG, 'a.png']], base)).status).toBe(403);
    const foreignPhoto = await db('contracts_files').where({ contracts_id: foreignContract.id }).first('directus_files_id');
    if (foreignPhoto) expect((await api('DELETE', `/platform/contracts/${foreignContract.id}/photos/${foreignPhoto.directus_files_id}`, { token: staff.token })).status).toBe(403);
  });

  test('上传照片 adds photos; 删除 removes one with its file, never the last; both audited', async () => {
    const signed = await sign(ids[2]!, [['photos', PNG, 'first.png']]);
    expect(signed.status).toBe(201);
    const contractId = signed.body.data.id;
    const [first] = signed.body.data.photos;

    const onlyOne = await api('DELETE', `/platform/contracts/${contractId}/photos/${first}`, { token: staff.token });
    expect(onlyOne.status).toBe(409);
    expect(errorOf(onlyOne.body).rule).toBe('LAST_PHOTO');

    const added = await postMultipart(staff.token, `/platform/contracts/${contractId}/photos`, {}, [['photos', PNG, 'second.png'], ['photos', PNG, 'third.png']], base);
    expect(added.status).toBe(201);
    expect(added.body.data.added).toHaveLength(2);
    const view = (await api('GET', `/platform/contracts/${contractId}`, { token: staff.token })).body.data;
    expect(view.photos).toEqual([first, ...added.body.data.added]);

    const removed = await api('DELETE', `/platform/contracts/${contractId}/photos/${first}`, { token: staff.token });
    expect(removed.status).toBe(204);
    expect((await api('GET', `/platform/contracts/${contractId}`, { token: staff.token })).body.data.photos).toEqual(added.body.data.added);
    expect(await db('directus_files').where({ id: first }).first()).toBeUndefined();
    expect((await fetch(`${base}/platform/files/${first}`, { headers: { authorization: `Bearer ${staff.token}` } })).status).toBe(403);
    expect(await db('audit_log').where({ item: String(contractId) }).whereIn('action', ['contract.photos.add', 'contract.photos.delete']).pluck('action')).toEqual(['contract.photos.add', 'contract.photos.delete']);

    const bad = await postMultipart(staff.token, `/platform/contracts/${contractId}/photos`, {}, [['photos', JPEG_TRUNCATED, 'bad.jpg']], base);
    expect(bad.status).toBe(400);
    expect((await api('GET', `/platform/contracts/${contractId}`, { token: staff.token })).body.data.photos).toHaveLength(2);
  });

  test('an exited person cannot sign', async () => {
    expect((await api('POST', `/platform/people/${ids[3]}/exit`, { token: staff.token, json: { exit_date: today } })).status).toBe(200);
    const response = await sign(ids[3]!, [['photos', PNG, 'a.png']]);
    expect(response.status).toBe(409);
    expect(errorOf(response.body).rule).toBe('ALREADY_EXITED');
  });
});
