import { computed, readonly, ref } from 'vue';
import * as account from '@/api/account';
import type { ChangePasswordRequest, Me } from '@/api/account';
import { clearStoredSession, hasStoredSession } from '@/api/client';

// Module-level state: one session for the whole app (a setup-style store without a store library).
const me = ref<Me | null>(null);

export function useSession() {
  const mustChangePassword = computed(() => me.value?.must_change_password === true);

  /** Logs in and loads the account; throws what the API throws. */
  async function signIn(accountName: string, password: string): Promise<Me> {
    await account.login(accountName, password);
    try {
      me.value = await account.fetchMe();
    } catch (err) {
      // Logged in but not a project account (or the API is down): do not keep a half session.
      reset();
      throw err;
    }
    return me.value;
  }

  /** The current account, loading it once per page load when a session is stored; null when logged out. */
  async function ensureMe(): Promise<Me | null> {
    if (me.value) return me.value;
    if (!hasStoredSession()) return null;
    me.value = await account.fetchMe();
    return me.value;
  }

  async function changePassword(request: ChangePasswordRequest): Promise<void> {
    await account.changePassword(request);
    if (me.value) me.value = { ...me.value, must_change_password: false };
  }

  async function signOut(): Promise<void> {
    await account.logout();
    me.value = null;
  }

  /** Forgets the session locally (after the server said it is gone). */
  function reset(): void {
    clearStoredSession();
    me.value = null;
  }

  return { me: readonly(me), mustChangePassword, signIn, ensureMe, changePassword, signOut, reset };
}
