import { describe, expect, test } from 'vitest';
import { MANAGEMENT_POSTS } from './managementPosts';
import { KEY_POST_MATRIX, missingKeyPosts, requiredKeyPosts, RESPONSIBLE_LEADS } from './keyPosts';
import { labelOf } from './code-list';
import { PARTICIPATION } from './participation';

/** Labels of the posts a general contractor still lacks. @example lacking(['project_manager']) */
const lacking = (held: string[]): string[] =>
  missingKeyPosts(PARTICIPATION.GENERAL_CONTRACTOR, held).map((item) => labelOf(MANAGEMENT_POSTS, item.post) ?? item.post);

describe('key-post matrix', () => {
  test('keeps the three posts the bureau names for the general contractor', () => {
    const posts = requiredKeyPosts(PARTICIPATION.GENERAL_CONTRACTOR).map((item) => item.post);
    expect(posts).toEqual(expect.arrayContaining(['project_manager', 'technical_lead', 'safety_officer']));
  });

  test.each([
    [PARTICIPATION.SUPERVISION, ['chief_supervisor', 'specialist_supervisor']],
    [PARTICIPATION.OWNER, ['owner_project_lead']],
    [PARTICIPATION.LABOUR_SUBCONTRACTOR, []],
    ['nonsense', []],
  ])('%s requires %j', (unitType, posts) => {
    expect(requiredKeyPosts(unitType).map((item) => item.post)).toEqual(posts);
  });

  test('every required post and responsible lead is a listed management post', () => {
    const known = new Set<string>(MANAGEMENT_POSTS.map((post) => post.value));
    const posts = [...Object.values(KEY_POST_MATRIX).flatMap((reqs) => reqs.map((req) => req.post)), ...Object.values(RESPONSIBLE_LEADS)];
    for (const post of posts) expect(known.has(post)).toBe(true);
  });
});

describe('missingKeyPosts', () => {
  const full = ['project_manager', 'technical_lead', 'safety_officer', 'quality_officer', 'labour_officer'];

  test.each([
    ['fully staffed', full, []],
    ['fully staffed plus extras', [...full, 'safety_officer', 'records_officer'], []],
    ['no safety officer', full.filter((post) => post !== 'safety_officer'), ['安全员']],
    ['nobody yet', [], ['项目经理', '技术负责人', '安全员', '质量员', '劳务员']],
  ])('%s', (_case, held, missing) => {
    expect(lacking(held)).toEqual(missing);
  });

  test('reports how many are assigned against the minimum', () => {
    expect(missingKeyPosts(PARTICIPATION.OWNER, [])).toEqual([{ post: 'owner_project_lead', min: 1, assigned: 0 }]);
  });
});
