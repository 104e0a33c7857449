/**
 * Check 4: ID-card OCR and the face check work on both replicas, i.e. in the image's environment
 * (the assembled /directus with `npm ci --omit=dev`'s packages), and a face photo saved through
 * one replica is served by the other (the shared uploads volume).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { api } from '../support/http';
import { insertOnSite, insertTeam, postMultipart, projectStaff } from '../support/site-fixtures';
import { clusterDatabase, describeCluster, waitForPing } from './support';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures', path));
const truth = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/id-cards/truth.json'), 'utf8')) as {
  images: { file: string; side: 'front' | 'back'; fields: Record<string, string> }[];
};

describeCluster('OCR and face checks on every replica', (cluster) => {
  let db: Knex;
  let staff: { token: string; projectId: number };
  let employments: number[];

  beforeAll(async () => {
    db = clusterDatabase(cluster());
    for (const url of Object.values(cluster().replicas)) await waitForPing(url);
    staff = await projectStaff(0);
    const team = await insertTeam(db, staff.projectId, { name: `集群人脸班组${Date.now() % 100000}` });
    employments = await insertOnSite(db, staff.projectId, team, { count: 2, namePrefix: '集群' });
  });

  afterAll(async () => {
    await db?.destroy();
  });

  test.each(['directus-1', 'directus-2'])('%s reads an ID card (OCR)', async (name) => {
    const card = truth.images.find((image) => image.file === 'front-01-clean.jpg')!;
    const { status, body } = await postMultipart(staff.token, '/platform/ocr/id-card', { side: card.side }, [['file', fixture(`id-cards/${card.file}`), 'id.jpg']], cluster().replicas[name]!);
    expect(status, JSON.stringify(body)).toBe(200);
    const values = Object.fromEntries(Object.entries(body.data.fields as Record<string, { value: string }>).map(([key, field]) => [key, field.value]));
    expect(values).toEqual(card.fields);
  });

  test.each([
    ['directus-1', 0, 'directus-2'],
    ['directus-2', 1, 'directus-1'],
  ] as const)('%s checks a face; the saved photo is served by the other replica', async (name, index, other) => {
    const employment = employments[index]!;
    const passed = await postMultipart(staff.token, `/platform/faces/${employment}/check`, {}, [['file', fixture('faces/pass-sample3-middle.jpg'), 'face.jpg']], cluster().replicas[name]!);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.data).toMatchObject({ passed: true, reasons: [] });
    const refused = await postMultipart(staff.token, `/platform/faces/${employment}/check`, {}, [['file', fixture('faces/fail-no-face.jpg'), 'face.jpg']], cluster().replicas[name]!);
    expect(refused.status).toBe(200);
    expect(refused.body.data.passed).toBe(false);

    const file = passed.body.data.face_photo as string;
    const served = await fetch(`${cluster().replicas[other]}/platform/files/${file}`, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const person = await api('GET', `/platform/faces/${employment}`, { token: staff.token, baseUrl: cluster().replicas[other]! });
    expect(person.status).toBe(200);
  });
});
