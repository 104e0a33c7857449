/**
 * The participating units (参建单位) of a project: `project_units` rows joined with the city-wide
 * `units`. A company appears once per project however many participation types it has there.
 */
import type { Knex } from 'knex';
import { isMainUnitRole, labelOf, PARTICIPATION_TYPES } from '../../../../schema/codes';
import { validateUscc } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { isUniqueViolation } from '../db/unique-violation';
import { conflict, invalid, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { ProjectUnit, UnitInput, UnitReceipt } from '../../../../schema/api/teams';
import type { ParticipationType } from '../../../../schema/codes';


/** The project's units, main units first, then by name. */
export async function listProjectUnits(knex: Knex, projectId: number): Promise<ProjectUnit[]> {
  const rows: { id: number; name: string; uscc: string; participation: string; is_main: unknown }[] = await knex('project_units')
    .join('units', 'units.id', 'project_units.unit')
    .select('units.id', 'units.name', 'units.uscc', 'project_units.participation', 'project_units.is_main')
    .where('project_units.project', projectId)
    .orderBy('project_units.id');
  const byUnit = new Map<number, ProjectUnit>();
  for (const row of rows) {
    const id = Number(row.id);
    const unit = byUnit.get(id) ?? { id, name: row.name, uscc: row.uscc, participations: [], participation_label: '', is_main: false };
    unit.participations.push(row.participation as ParticipationType);
    unit.is_main ||= Boolean(row.is_main) || isMainUnitRole(row.participation);
    byUnit.set(id, unit);
  }
  const units = [...byUnit.values()].map((unit) => ({
    ...unit,
    participation_label: unit.participations.map((code) => labelOf(PARTICIPATION_TYPES, code) ?? code).join('、'),
  }));
  return units.sort((a, b) => Number(b.is_main) - Number(a.is_main) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Throws 403 unless `unitId` is a participating unit of the project (another project's unit looks absent). */
export async function assertProjectUnit(knex: Knex, projectId: number, unitId: number): Promise<void> {
  const row = await knex('project_units').where({ project: projectId, unit: unitId }).first('id');
  if (!row) throw notYours();
}

/**
 * Adds a unit to the project (新建参建单位). The company is reused when its credit code is already
 * known city-wide (keeping its registered name); otherwise it is created. Call in a transaction.
 */
export async function addProjectUnit(trx: Knex, scope: ProjectScope, input: UnitInput): Promise<UnitReceipt> {
  const uscc = validateUscc(input.uscc);
  if (!uscc.ok) throw invalid(uscc.code, uscc.message, 'uscc');
  const existing: { id: number; name: string } | undefined = await trx('units').where({ uscc: uscc.value }).first('id', 'name');
  let unitId: number;
  if (existing) {
    unitId = Number(existing.id);
    const taken = await trx('project_units').where({ project: scope.projectId, unit: unitId, participation: input.participation }).first('id');
    if (taken) throw alreadyInProject(existing.name, input.participation);
  } else {
    const [inserted] = await trx('units').insert({ name: input.name, uscc: uscc.value, contact_name: input.contact_name, contact_phone: input.contact_phone }, ['id']);
    unitId = Number(typeof inserted === 'object' ? inserted.id : inserted);
    await writeAudit(trx, { actor: scope.userId, actorKind: 'user', project: scope.projectId, action: 'unit.create', collection: 'units', item: unitId, after: { name: input.name, uscc: uscc.value } });
  }
  try {
    const [link] = await trx('project_units').insert(
      { project: scope.projectId, unit: unitId, participation: input.participation, is_main: false, contact_name: input.contact_name, contact_phone: input.contact_phone },
      ['id'],
    );
    const linkId = Number(typeof link === 'object' ? link.id : link);
    await writeAudit(trx, {
      actor: scope.userId,
      actorKind: 'user',
      project: scope.projectId,
      action: 'project_unit.create',
      collection: 'project_units',
      item: linkId,
      after: { unit: unitId, participation: input.participation },
    });
  } catch (error) {
    // Two taps on 保存 at once: the unique (project, unit, participation) index refuses the second.
    if (isUniqueViolation(error)) throw alreadyInProject(existing?.name ?? input.name, input.participation);
    throw error;
  }
  const unit = (await listProjectUnits(trx, scope.projectId)).find((entry) => entry.id === unitId);
  if (!unit) throw new Error(`project unit ${unitId} vanished inside its transaction`);
  return { ...unit, reused: Boolean(existing) };
}

function alreadyInProject(name: string, participation: string) {
  return conflict('UNIT_ALREADY_IN_PROJECT', `${name}已是本项目的${labelOf(PARTICIPATION_TYPES, participation) ?? ''}参建单位，请直接选择`);
}
