import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { addProjectUnit, listProjectUnits } from '../../../teams/project-units';
import { UNIT_LABELS, UnitInput, type ProjectUnit, type UnitReceipt } from '../../../../../../schema/api/teams';
import type { HandlerContext } from '../context';

/** GET /platform/units — the project's participating units (one entry per company). */
export async function listUnits({ req, database }: HandlerContext): Promise<ProjectUnit[]> {
  const scope = await projectScope(req, database);
  return listProjectUnits(database, scope.projectId);
}

/**
 * POST /platform/units — 新建参建单位 `{ name, uscc, participation, contact_name?, contact_phone? }`;
 * answers the unit (`reused: true` when the credit code was already known city-wide).
 */
export async function postUnit({ req, database }: HandlerContext): Promise<UnitReceipt> {
  const scope = await projectScope(req, database);
  const input = parseInput(UnitInput, req.body, UNIT_LABELS);
  return database.transaction((trx) => addProjectUnit(trx, scope, input));
}
