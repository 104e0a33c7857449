import type { ExitReceipt, PersonExitPayload as ExitPayload } from '../../../schema/api';
import { call } from './client';

export type { ExitReceipt, PersonExitPayload as ExitPayload } from '../../../schema/api';

/** 退场 of one person. */
export function exitPerson(id: number, payload: ExitPayload): Promise<ExitReceipt> {
  return call<ExitReceipt>(`/platform/people/${id}/exit`, { method: 'POST', body: payload });
}

/** 班组退场: every on-site member at once; the caller must have shown the irreversible warning. */
export function exitTeam(id: number, payload: ExitPayload): Promise<ExitReceipt> {
  return call<ExitReceipt>(`/platform/teams/${id}/exit`, { method: 'POST', body: { ...payload, confirm: true } });
}
