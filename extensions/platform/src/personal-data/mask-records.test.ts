import { describe, expect, test } from 'vitest';
import { maskRecords, type RelationsOverview } from './mask-records';

const schema: RelationsOverview = {
  relations: [
    { collection: 'key_posts', field: 'person', related_collection: 'people', meta: { one_field: null } },
    { collection: 'key_posts', field: 'employment', related_collection: 'employments', meta: { one_field: null } },
    { collection: 'employments', field: 'person', related_collection: 'people', meta: { one_field: null } },
    { collection: 'key_posts', field: 'project', related_collection: 'projects', meta: { one_field: null } },
    { collection: 'teams', field: 'project', related_collection: 'projects', meta: { one_field: 'teams' } },
  ],
};
const ID = '510802199001011234';
const PHONE = '13908125678';
const CARD = '6222801541671071718';

describe('maskRecords', () => {
  test('top-level sensitive fields of a collection', () => {
    const people = maskRecords([{ id: 1, name: '王建国', id_number: ID, address: '四川省广元市利州区东坝街道滨河路8号', id_front: 'b1f0c1e2-0000-4000-8000-000000000002' }], 'people', {}, schema);
    expect(people).toEqual([{ id: 1, name: '王建国', id_number: '5108**********1234', address: '四川省广元市************', id_front: 'b1f0c1e2-0000-4000-8000-000000000002' }]);
    // What a project recorded about the person lives on the employment: its phone and wage card are masked there.
    const employments = maskRecords([{ id: 2, trade: '010', phone: PHONE, bank_card_no: CARD, face_photo: 'b1f0c1e2-0000-4000-8000-000000000001' }], 'employments', {}, schema);
    expect(employments).toEqual([{ id: 2, trade: '010', phone: '139****5678', bank_card_no: '6222***********1718', face_photo: 'b1f0c1e2-0000-4000-8000-000000000001' }]);
  });

  test('the card an employment recorded: its keys masked as the same fields of people are', () => {
    const card = { address: '四川省广元市利州区东坝街道滨河路8号', issuing_authority: '广元市公安局利州区分局', id_valid_from: '2016-03-01', id_valid_to: '长期' };
    const [row] = maskRecords([{ id: 2, id_card: card }], 'employments', {}, schema) as Record<string, any>[];
    expect(row!['id_card']).toEqual({ ...card, address: '四川省广元市************' });
  });

  test('nested many-to-one and one-to-many records', () => {
    const [post] = maskRecords([{ id: 3, person: { name: '王建国', id_number: ID }, project: { name: '项目', contact_phone: PHONE, teams: [{ name: '钢筋班', leader_phone: PHONE }] } }], 'key_posts', {}, schema);
    expect(post).toEqual({ id: 3, person: { name: '王建国', id_number: '5108**********1234' }, project: { name: '项目', contact_phone: '139****5678', teams: [{ name: '钢筋班', leader_phone: '139****5678' }] } });
  });

  test('aliases at the top and in deep queries do not rename a number into clear', () => {
    const [row] = maskRecords([{ x: ID, who: { y: PHONE } }], 'key_posts', { alias: { x: 'id_number', who: 'employment' }, deep: { who: { _alias: { y: 'phone' } } } }, schema) as Record<string, any>[];
    // key_posts has no id_number of its own: the alias resolves to a non-sensitive name there.
    expect(row!['x']).toBe(ID);
    expect(row!['who']).toEqual({ y: '139****5678' });
    const [person] = maskRecords([{ x: ID }], 'people', { alias: { x: 'id_number' } }, schema) as Record<string, any>[];
    expect(person!['x']).toBe('5108**********1234');
  });

  test('aggregates and group-by values', () => {
    const rows = maskRecords([{ id_number: ID, count: { id: 2 }, min: { id_number: ID } }], 'people', { aggregate: { count: ['id'], min: ['id_number'] } }, schema);
    expect(rows).toEqual([{ id_number: '5108**********1234', count: { id: 2 }, min: { id_number: '5108**********1234' } }]);
  });

  test('collections without sensitive fields and null results pass through', () => {
    expect(maskRecords([{ id: 1, day: '2026-05-01' }], 'attendance_days', {}, schema)).toEqual([{ id: 1, day: '2026-05-01' }]);
    expect(maskRecords(null, 'people', {}, schema)).toBeNull();
  });
});
