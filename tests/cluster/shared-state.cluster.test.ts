/**
 * Check 3: the replicas share what compose says they share. A change written through replica 1 is
 * read at once through replica 2 although replica 2 had the old answer in its (Redis) cache; the
 * rate limiter's counters and the failed-login count live in Redis, so spreading requests over
 * the replicas buys nothing; uploaded files are on the shared volume.
 */
import { expect, test } from 'vitest';
import { ROLE_IDS } from '../../schema/access/roles';
import { ADMIN } from '../support/fixtures';
import { api, login } from '../support/http';
import { describeCluster, retryBusy, sleep, waitForPing } from './support';
import { clusterRedis } from './redis';

describeCluster('state shared by the replicas', (cluster) => {
  const replica = (n: 1 | 2) => cluster().replicas[`directus-${n}`]!;

  test('a change through replica 1 is read at once through replica 2 (cache purged over Redis)', async () => {
    for (const n of [1, 2] as const) await waitForPing(replica(n));
    const admin = await login(ADMIN.email, ADMIN.password, cluster().url);
    const { body } = await api('GET', '/items/teams?limit=1&sort=id&fields=id,name', { token: admin, baseUrl: replica(2) });
    const team = body.data[0] as { id: number; name: string };
    const path = `/items/teams/${team.id}?fields=name`;
    const redis = clusterRedis(cluster());
    const keysBefore = await redis.keys();
    // Replica 2 answers and caches the old name; the cache is Redis, so it gained a key.
    expect((await api('GET', path, { token: admin, baseUrl: replica(2) })).body.data.name).toBe(team.name);
    expect((await api('GET', path, { token: admin, baseUrl: replica(2) })).body.data.name).toBe(team.name);
    expect((await redis.keys()).length).toBeGreaterThan(keysBefore.length);
    const renamed = `${team.name}·改`;
    try {
      expect((await api('PATCH', `/items/teams/${team.id}`, { token: admin, baseUrl: replica(1), json: { name: renamed } })).status).toBe(200);
      expect((await api('GET', path, { token: admin, baseUrl: replica(2) })).body.data.name).toBe(renamed);
      expect((await api('GET', path, { token: admin, baseUrl: cluster().url })).body.data.name).toBe(renamed);
    } finally {
      await api('PATCH', `/items/teams/${team.id}`, { token: admin, baseUrl: replica(1), json: { name: team.name } });
    }
  });

  test('the rate limit counts requests to both replicas together', async () => {
    // RATE_LIMITER_POINTS=50 per RATE_LIMITER_DURATION=1 s and client address (.env.example).
    await sleep(1_100);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 120 }, (_, i) => fetch(`${replica(i % 2 === 0 ? 1 : 2)}/server/ping`).then((r) => ({ replica: (i % 2) + 1, status: r.status }))));
    const seconds = Math.max(1, Math.ceil((Date.now() - started) / 1000));
    const ok = replies.filter((r) => r.status === 200).length;
    const limited = replies.filter((r) => r.status === 429).length;
    expect(ok + limited).toBe(replies.length);
    // Each replica alone got 60, which its own limit would let through; shared counters refuse the excess.
    expect(ok).toBeLessThanOrEqual(50 * seconds);
    expect(limited).toBeGreaterThan(0);
    expect(new Set(replies.filter((r) => r.status === 429).map((r) => r.replica)).size).toBe(2);
    await sleep(1_100);
  });

  test('failed logins spread over both replicas suspend the account as on one server', async () => {
    const admin = await login(ADMIN.email, ADMIN.password, cluster().url);
    const email = `cluster-lockout-${Date.now()}@project.example.com`;
    const created = await retryBusy(() => api('POST', '/users', { token: admin, baseUrl: cluster().url, json: { email, password: 'Right2026pw', role: ROLE_IDS.projectStaff } }));
    expect(created.status).toBe(200);
    // auth_login_attempts is 5 (platform provision): six wrong passwords, alternating replicas.
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      const reply = await api('POST', '/auth/login', { baseUrl: replica(attempt % 2 === 0 ? 2 : 1), json: { email, password: `wrong-${attempt}` } });
      expect(reply.status).toBe(401);
    }
    for (const n of [1, 2] as const) expect((await api('POST', '/auth/login', { baseUrl: replica(n), json: { email, password: 'Right2026pw' } })).status).toBe(401);
    expect((await retryBusy(() => api('GET', `/users/${created.body.data.id}?fields=status`, { token: admin, baseUrl: cluster().url }))).body.data.status).toBe('suspended');
  });
});
