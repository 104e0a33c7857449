/**
 * A key-post exit dated ahead: the bureau's approval does not free the post at once; it becomes
 * 退场已批准 (still in post) and the daily job (`directus platform key-post-exits`, as the scheduler
 * runs it) makes it 已退场 on the exit date, audited. Project staff apply only for dates up to
 * today, so the application is stored as an imported or older one would be.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { FLOW_IDS } from '../schema/flows';
import { addDays, todayInShanghai } from '../schema/rules';
import { directusCli } from '../scripts/lib/directus.ts';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { dbDate, readDate } from '../extensions/platform/src/db/values';
import { openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { keyPostFields, postKeyPost, registerKeyPost } from './support/studio-fixtures';

const TODAY = todayInShanghai(new Date());
const EXIT = addDays(TODAY, 7);
const runJob = (today: string) => directusCli(['platform', 'key-post-exits', '--today', today], inject('platformEnv'), { quiet: true });

describe('key-post exits dated ahead', () => {
  let db: Knex;
  let bureau: string;
  let project: FreshProject;
  let post: number;

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    project = await createApprovedProject('关键岗位退场日期测试');
    ({ id: post } = await registerKeyPost(project.token, keyPostFields({ post: 'labour_officer', name: '吴劳务' })));
    expect((await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPost}`, { token: bureau, json: { collection: 'key_posts', keys: [String(post)], decision: 'approve' } })).status).toBe(200);
    await db('key_posts').where({ id: post }).update({ status: 'exit_pending', exit_date: dbDate(db, EXIT), exit_reason: '合同期满，下周离场' });
  });
  afterAll(() => db.destroy());

  const status = async () => (await db('key_posts').where({ id: post }).first('status')).status;
  /** The holder's employment on the project (a key-post entry creates or links it). */
  const employmentOf = async (id: number) => {
    const { employment } = await db('key_posts').where({ id }).first('employment');
    const row = await db('employments').where({ id: employment }).first('status', 'exit_date');
    return { status: row.status, exit_date: readDate(row.exit_date) };
  };

  test('approving it keeps the holder in post until the date, and says so', async () => {
    const approved = await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPostExit}`, { token: bureau, json: { collection: 'key_posts', keys: [String(post)], decision: 'approve' } });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'exit_approved', exit_date: EXIT, message: `已同意退场：${EXIT} 起人员离岗、岗位解锁，此前仍计在岗` });
    expect(await status()).toBe('exit_approved');
    // Still on site until the date: attendance and device enrolment go on.
    expect(await employmentOf(post)).toEqual({ status: 'on_site', exit_date: null });
    // Still held: nobody else can be registered for the post, and the decision cannot be repeated.
    const successor = await postKeyPost(project.token, keyPostFields({ post: 'labour_officer', name: '郑接任' }));
    expect(successor.status).toBe(409);
    expect(errorOf(successor.body).rule).toBe('KEY_POST_OCCUPIED');
    const again = await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPostExit}`, { token: bureau, json: { collection: 'key_posts', keys: [String(post)], decision: 'approve' } });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toBe('该申请已审核，不能重复审核');
    const board = (await api('GET', '/platform/key-posts', { token: project.token })).body.data;
    const slot = board.find((s: { post: string; unit_role: string }) => s.unit_role === '009' && s.post === 'labour_officer');
    expect(slot.holder).toMatchObject({ status: 'exit_approved', status_label: '退场已批准', name: '吴劳务' });
  });

  test('the daily job leaves it alone before the date and makes it exited on the date, once, audited', async () => {
    await runJob(addDays(EXIT, -1));
    expect(await status()).toBe('exit_approved');
    expect((await employmentOf(post)).status).toBe('on_site');
    await runJob(EXIT);
    expect(await status()).toBe('exited');
    // The holder leaves the project with the post, on the exit date.
    expect(await employmentOf(post)).toEqual({ status: 'exited', exit_date: EXIT });
    const { employment } = await db('key_posts').where({ id: post }).first('employment');
    expect(await db('audit_log').where({ action: 'employment.exit', item: String(employment) }).first('actor', 'actor_kind')).toEqual({ actor: null, actor_kind: 'system' });
    const rows = await db('audit_log').where({ action: 'key_post.exit_effective', item: String(post) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: null, actor_kind: 'system', project: project.id });
    await runJob(addDays(EXIT, 1));
    expect(await db('audit_log').where({ action: 'key_post.exit_effective', item: String(post) })).toHaveLength(1);
  }, 300_000); // three CLI runs, each booting Directus

  test('the freed post takes a new holder', async () => {
    const { id } = await registerKeyPost(project.token, keyPostFields({ post: 'labour_officer', name: '郑接任' }));
    expect(await db('key_posts').where({ id }).first('status')).toEqual({ status: 'pending' });
  });

  test('an exit dated today or earlier still takes effect at approval', async () => {
    const { id } = await registerKeyPost(project.token, keyPostFields({ post: 'safety_officer', name: '冯安全' }));
    await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPost}`, { token: bureau, json: { collection: 'key_posts', keys: [String(id)], decision: 'approve' } });
    expect((await api('POST', `/platform/key-posts/${id}/exit`, { token: project.token, json: { exit_date: TODAY, exit_reason: '调往其他项目' } })).status).toBe(200);
    const approved = await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPostExit}`, { token: bureau, json: { collection: 'key_posts', keys: [String(id)], decision: 'approve' } });
    expect(approved.body).toMatchObject({ status: 'exited', message: '已同意退场：人员已退场，岗位已解锁，项目可登记新人员' });
    expect(await employmentOf(id)).toEqual({ status: 'exited', exit_date: TODAY });
  });
});
