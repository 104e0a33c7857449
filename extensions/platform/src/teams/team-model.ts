/**
 * What a team's kind means for who may join it (the 新建班组 form itself is `TeamInput` in
 * schema/api/teams.ts).
 */
import type { EmploymentRole, TeamKind } from '../../../../schema/codes';

/** Whether a stored team kind is a management team; every other team takes workers. */
export function isManagementTeam(kind: unknown): boolean {
  return kind === ('management' satisfies TeamKind);
}

/** The people a team takes: managers into 管理人员班组, workers into 务工人员班组. */
export function roleOfTeam(kind: unknown): EmploymentRole {
  return isManagementTeam(kind) ? 'manager' : 'worker';
}
