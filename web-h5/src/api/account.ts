import { accountToEmail } from '@/shared/schema';
import { call, clearStoredSession, client } from './client';

/** What `GET /platform/me` answers for a project account. */
export interface Me {
  id: string;
  /** The login account as the authority issued it (e.g. GY2025001). */
  account: string;
  must_change_password: boolean;
  project: { id: string; name: string } | null;
}

export interface ChangePasswordRequest {
  current_password: string;
  new_password: string;
}

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
