import { call } from './client';

export interface ExitPayload {
  exit_date: string;
  exit_reason?: string;
}

export interface ExitReceipt {
  id: number;
  status: string;
  exit_date: string;
  exited: number;
}

/** 退场 of one person. */
export function exitPerson(id: number, payload: ExitPayload): Promise<ExitReceipt> {
  return call<ExitReceipt>(`/platform/people/${id}/exit`, { method: 'POST', body: payload });
}

/** 班组退场: every on-site member at once; the caller must have shown the irreversible warning. */
export function exitTeam(id: number, payload: ExitPayload): Promise<ExitReceipt> {
  return call<ExitReceipt>(`/platform/teams/${id}/exit`, { method: 'POST', body: { ...payload, confirm: true } });
}
