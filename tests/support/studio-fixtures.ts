/**
 * Records with personal data for the studio tests: a key post registered through the H5 API with
 * ID photos and a certificate, so its person has an ID number and ID photos, and its employment the
 * phone and the photos this project recorded.
 */
import { inject } from 'vitest';
import { addDays, makeIdNumber, todayInShanghai } from '../../schema/rules';

/** A 1×1 PNG: a complete image of a supported type. */
export function tinyPng(): Buffer {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
}

let seq = Math.floor(Math.random() * 400);

/** The text fields of a 入场登记 for a new person nobody else has. @example keyPostFields({ post: 'safety_officer' }) */
export function keyPostFields(over: Record<string, string> = {}): Record<string, string> {
  seq = (seq + 11) % 500;
  const birth = addDays('1976-01-01', Math.floor(Math.random() * 6000));
  return {
    unit_role: '009',
    post: 'quality_officer',
    name: '周质检',
    gender: 'male',
    ethnicity: '01',
    birth_date: birth,
    id_number: makeIdNumber('510802', birth, seq, 'male'),
    address: '四川省广元市利州区东坝街道滨河路8号',
    issuing_authority: '广元市公安局利州区分局',
    id_valid_from: '2016-03-01',
    id_valid_to: '长期',
    phone: '13908127788',
    entry_date: addDays(todayInShanghai(new Date()), -20),
    ...over,
  };
}

/**
 * Posts a 入场登记 through the H5 API (multipart, as the H5 sends it) and answers status and body.
 * @example const { status, body } = await postKeyPost(project.token, keyPostFields());
 */
export async function postKeyPost(token: string, fields: Record<string, string>): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const key of ['id_front', 'id_back', 'certificate']) form.append(key, new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), `${key}.png`);
  const response = await fetch(`${inject('baseUrl')}/platform/key-posts`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: await response.json() };
}

/**
 * Registers a key post and answers its id, person and the employment holding what the project
 * recorded (phone, photos) (throws unless 201).
 * @example const { id, person, employment } = await registerKeyPost(project.token, keyPostFields());
 */
export async function registerKeyPost(token: string, fields: Record<string, string>): Promise<{ id: number; person: number; employment: number }> {
  const { status, body } = await postKeyPost(token, fields);
  if (status !== 201) throw new Error(`key post registration failed: ${status} ${JSON.stringify(body)}`);
  return { id: Number(body.data.id), person: Number(body.data.person), employment: Number(body.data.employment) };
}
