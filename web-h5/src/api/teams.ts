import type { ProjectUnit, Team, TeamPayload, TeamQuery, UnitPayload, UnitReceipt } from '../../../schema/api';
import { call } from './client';

export type { ProjectUnit, Team, TeamPayload, TeamQuery, UnitPayload, UnitReceipt } from '../../../schema/api';

export function fetchTeams(query: TeamQuery = {}): Promise<Team[]> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value) params[key] = value;
  return call<Team[]>('/platform/teams', { params });
}

export function fetchTeam(id: number): Promise<Team> {
  return call<Team>(`/platform/teams/${id}`);
}

export function createTeam(payload: TeamPayload): Promise<Team> {
  return call<Team>('/platform/teams', { method: 'POST', body: payload });
}

export function updateTeam(id: number, payload: TeamPayload): Promise<Team> {
  return call<Team>(`/platform/teams/${id}`, { method: 'PUT', body: payload });
}

export function fetchUnits(): Promise<ProjectUnit[]> {
  return call<ProjectUnit[]>('/platform/units');
}

/** Adds a unit to the project; `reused` when the credit code was already registered (its name is kept). */
export function createUnit(payload: UnitPayload): Promise<UnitReceipt> {
  return call('/platform/units', { method: 'POST', body: payload });
}
