import type { AttendancePeoplePage, AttendanceSummary, ManualPunchPayload, ManualPunchReceipt, Period, Punch, Standing } from '../../../schema/api';
import { call } from './client';

export type { AttendancePeoplePage, AttendancePerson, AttendanceSummary, DayPoint, ManualPunchPayload, ManualPunchReceipt, Period, Punch, Standing, TeamFigures } from '../../../schema/api';

export interface PunchQuery {
  team?: number | undefined;
  device?: number | undefined;
  q?: string | undefined;
  /** The last punch shown: the next page is older. */
  before?: Pick<Punch, 'id' | 'punched_at'> | undefined;
  limit?: number;
}

const defined = (params: Record<string, string | number | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])));

export function fetchAttendanceSummary(period: Period, date?: string): Promise<AttendanceSummary> {
  return call<AttendanceSummary>('/platform/attendance/summary', { params: defined({ period, date }) });
}

export function fetchAttendancePeople(params: { period: Period; date: string; status: Standing; team?: number | undefined; page: number }): Promise<AttendancePeoplePage> {
  return call<AttendancePeoplePage>('/platform/attendance/people', { params: defined(params) });
}

export function fetchPunches(query: PunchQuery = {}): Promise<Punch[]> {
  return call<Punch[]>('/platform/punches', {
    params: defined({
      team: query.team,
      device: query.device,
      q: query.q?.trim(),
      limit: query.limit ?? 30,
      before: query.before?.punched_at,
      before_id: query.before?.id,
    }),
  });
}

export function addManualPunch(request: ManualPunchPayload): Promise<ManualPunchReceipt> {
  return call<ManualPunchReceipt>('/platform/punches', { method: 'POST', body: request });
}
