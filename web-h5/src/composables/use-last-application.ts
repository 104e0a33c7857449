/**
 * The last 申报编号 this phone declared or looked up, kept in localStorage, so 申报进度 opened from the
 * login page (days later, from the WeChat menu) offers it instead of an empty field. Only the number is
 * kept: it is not secret (the phone number is still needed to see anything).
 * @example const last = useLastApplication(); last.remember('SB2026...'); last.value.value
 */
import { ref } from 'vue';

const KEY = 'platform.h5.last-application-no';

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked (private mode): nothing remembered
  }
}

export function useLastApplication() {
  const value = ref(read());

  function remember(applicationNo: string): void {
    const trimmed = applicationNo.trim();
    if (!trimmed) return;
    value.value = trimmed;
    try {
      localStorage.setItem(KEY, trimmed);
    } catch {
      // storage blocked: the number stays in this page only
    }
  }

  return { value, remember };
}
