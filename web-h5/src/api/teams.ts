import type { ParticipationType, TeamKind, Trade } from '@/shared/schema';
import { call } from './client';

/** A team of the project with its on-site headcount (`GET /platform/teams`). */
export interface Team {
  id: number;
  name: string;
  /** 'management' or 'worker' (older rows may hold another value meaning a workers' team). */
  kind: TeamKind | string;
  trade: Trade | null;
  status: 'active' | 'exited';
  unit: number;
  unit_name: string | null;
  leader_name: string | null;
  leader_phone: string | null;
  on_site: number;
}

export interface TeamQuery {
  q?: string;
  kind?: TeamKind;
  status?: 'active' | 'exited';
}

/** Body of `POST /platform/teams` and `PUT /platform/teams/:id`. */
export interface TeamPayload {
  name: string;
  kind: TeamKind;
  unit: number;
  trade: Trade | null;
  leader_name: string | null;
  leader_phone: string | null;
}

/** A participating unit of the project (`GET /platform/units`), one per company. */
export interface ProjectUnit {
  id: number;
  name: string;
  uscc: string;
  participations: ParticipationType[];
  participation_label: string;
  is_main: boolean;
}

/** Body of `POST /platform/units` (新建参建单位). */
export interface UnitPayload {
  name: string;
  uscc: string;
  participation: ParticipationType;
  contact_name?: string;
  contact_phone?: string;
}

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
export function createUnit(payload: UnitPayload): Promise<ProjectUnit & { reused: boolean }> {
  return call('/platform/units', { method: 'POST', body: payload });
}
