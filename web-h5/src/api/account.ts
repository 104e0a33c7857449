import type { z } from 'zod';
import type { ChangePassword, Me } from '../../../schema/api';
import { accountToEmail } from '@/shared/schema';
import { call, clearStoredSession, client } from './client';

export type { Me } from '../../../schema/api';
/** The 修改密码 form. */
export type ChangePasswordRequest = z.input<typeof ChangePassword>;

export async function login(account: string, password: string): Promise<void> {
  await client.login({ email: accountToEmail(account), password });
}

/** Ends the session on the server when possible; the local session is cleared either way. */
export async function logout(): Promise<void> {
  try {
    await client.logout();
  } catch {
    // The server session may already be gone (expired refresh token); nothing to undo.
  } finally {
    client.stopRefreshing();
    clearStoredSession();
  }
}

export function fetchMe(): Promise<Me> {
  return call<Me>('/platform/me');
}

/** Answers 204; the server clears `must_change_password`. */
export async function changePassword(request: ChangePasswordRequest): Promise<void> {
  await call<null>('/platform/me/password', { method: 'POST', body: request });
}
