import { conflict } from '../http/errors';

interface FilterRegistrar {
  (event: string, handler: (payload: unknown) => unknown): void;
}

/**
 * Punches and the audit log are evidence (wages are paid from punches): nobody, administrators
 * included, deletes them through Directus, and audit rows are never edited. Corrections are new
 * rows (a manual punch with a reason; a new audit entry). Device events (what terminals sent and
 * what was refused) are never edited either; an administrator may delete old ones.
 */
export function guardAppendOnly(filter: FilterRegistrar): void {
  const refuse = (what: string) => () => {
    throw conflict('APPEND_ONLY', `${what}只能新增，不能修改或删除`);
  };
  filter('punches.items.delete', refuse('打卡记录'));
  filter('audit_log.items.update', refuse('审计日志'));
  filter('audit_log.items.delete', refuse('审计日志'));
  filter('device_events.items.update', refuse('设备事件'));
}
