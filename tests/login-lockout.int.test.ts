import { describe, expect, test } from 'vitest';
import { ROLE_IDS } from '../schema/access/roles';
import { ADMIN } from './support/fixtures';
import { api, login } from './support/http';

describe('login attempts', () => {
  test('repeated wrong passwords (more than the 5 allowed) suspend a project account until an administrator reactivates it', async () => {
    const admin = await login(ADMIN.email, ADMIN.password);
    const email = `lockout-${Date.now()}@project.example.com`;
    const created = await api('POST', '/users', { token: admin, json: { email, password: 'Right2026pw', role: ROLE_IDS.projectStaff } });
    expect(created.status).toBe(200);
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect((await api('POST', '/auth/login', { json: { email, password: `wrong-${attempt}` } })).status).toBe(401);
    }
    expect((await api('POST', '/auth/login', { json: { email, password: 'Right2026pw' } })).status).toBe(401);
    const user = await api('GET', `/users/${created.body.data.id}?fields=status`, { token: admin });
    expect(user.body.data.status).toBe('suspended');
    await api('PATCH', `/users/${created.body.data.id}`, { token: admin, json: { status: 'active' } });
    expect((await api('POST', '/auth/login', { json: { email, password: 'Right2026pw' } })).status).toBe(200);
  });
});
