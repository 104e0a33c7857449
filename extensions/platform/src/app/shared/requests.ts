/**
 * The few requests our studio components share: people's names by user id (cached for the page's
 * life), the Chinese message of a failed request, the record's reason for viewing personal data.
 */
import type { AxiosInstance } from 'axios';
import { reactive, ref } from 'vue';

const names = new Map<string, Promise<string | null>>();

/** A Directus user's name (first + last name, else the account), or null when unknown. */
export function userName(api: AxiosInstance, id: string): Promise<string | null> {
  let name = names.get(id);
  if (!name) {
    name = api
      .get(`/users/${encodeURIComponent(id)}`, { params: { fields: ['first_name', 'last_name', 'email'] } })
      .then(({ data }) => {
        const user = data?.data ?? {};
        const full = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
        return full || (typeof user.email === 'string' ? user.email.split('@')[0] : null) || null;
      })
      .catch(() => null);
    names.set(id, name);
  }
  return name;
}

/** The Chinese message of a failed request (our errors and Directus's carry one), never a raw code. */
export function errorMessage(error: unknown, fallback = '操作未完成，请稍后重试'): string {
  const response = (error as { response?: { status?: number; data?: unknown } })?.response;
  const body = response?.data as { errors?: { message?: string }[] } | undefined;
  const message = body?.errors?.[0]?.message;
  if (message && /[\u4e00-\u9fa5]/.test(message)) return message;
  if (response?.status === 403) return '无权执行此操作';
  if (response?.status === 401) return '登录已过期，请重新登录';
  return fallback;
}

/** Bumped whenever this page wrote an audit row (a reveal, a photo view), so its 操作记录 reloads. */
export const auditWrites = ref(0);

/** The reason a clerk gave for viewing one record's personal data, reused for its photos on the same page. */
export const viewReasons = reactive(new Map<string, string>());
export const reasonKey = (collection: string, id: unknown) => `${collection}:${String(id)}`;

/** A one-shot message shown after the page reloads (the studio keeps the item as loaded until then). */
const FLASH = 'platform-flash';
export function setFlash(key: string, message: string): void {
  sessionStorage.setItem(FLASH, JSON.stringify({ key, message }));
}
export function takeFlash(key: string): string | null {
  const raw = sessionStorage.getItem(FLASH);
  if (!raw) return null;
  try {
    const flash = JSON.parse(raw) as { key: string; message: string };
    if (flash.key !== key) return null;
    sessionStorage.removeItem(FLASH);
    return flash.message;
  } catch {
    sessionStorage.removeItem(FLASH);
    return null;
  }
}

const employments = new Map<string, Promise<{ text: string; person: number | null }>>();

/** An employment as 姓名 · 班组 · 项目 and its person's id (cached for the page's life). */
export function employmentSummary(api: AxiosInstance, id: string): Promise<{ text: string; person: number | null }> {
  let found = employments.get(id);
  if (!found) {
    found = api
      .get(`/items/employments/${encodeURIComponent(id)}`, { params: { fields: ['person.id', 'person.name', 'team.name', 'project.name'] } })
      .then(({ data }) => {
        const row = data?.data ?? {};
        return { text: [row.person?.name, row.team?.name, row.project?.name].filter(Boolean).join(' · ') || '—', person: row.person?.id ?? null };
      })
      .catch(() => ({ text: '人员记录已删除', person: null }));
    employments.set(id, found);
  }
  return found;
}
