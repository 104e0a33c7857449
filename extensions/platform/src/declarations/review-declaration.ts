/**
 * The bureau's decision on a project declaration, all in one transaction:
 * approve → project code, the five main units as `units` + `project_units`, a project-staff
 * account (password set later, shown once through 申报进度), audit row;
 * reject → the reason, audit row; the applicant may correct and resubmit.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ROLE_IDS } from '../../../../schema/access/roles';
import { accountToEmail } from '../../../../schema/rules/account';
import { writeAudit } from '../audit/write-audit';
import { dbNow } from '../db/values';
import { createService, type DirectusApi } from '../directus';
import { conflict, invalid, notYours } from '../http/errors';
import { parseInput } from '../http/validate';
import type { Declaration } from '../../../../schema/api/declarations';
import { nextProjectCode } from './numbers';

export const ReviewDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '请选择审核结果（通过或驳回）' }),
    reason: z.string().trim().max(500, '审核意见不能超过 500 字').optional(),
  })
  .refine((d) => d.decision === 'approve' || Boolean(d.reason), { message: '驳回时必须填写审核意见', path: ['reason'] });

export type ReviewDecision = z.infer<typeof ReviewDecision>;

export interface ReviewContext extends DirectusApi {
  /** The reviewer (Directus user id). */
  actor: string | null;
}

export interface ReviewResult {
  projectId: number;
  status: 'approved' | 'rejected';
  code: string | null;
}

/** Applies a decision to a `submitted` declaration; any other status is refused (no double decisions). */
export async function reviewDeclaration(ctx: ReviewContext, projectId: number, input: unknown): Promise<ReviewResult> {
  const decision = parseInput(ReviewDecision, input);
  return ctx.database.transaction(async (trx) => {
    const project = await trx('projects').where({ id: projectId }).first();
    if (!project) throw notYours();
    if (project.status !== 'submitted') throw conflict('ALREADY_DECIDED', '该申报已审核，不能重复审核');
    const review = { reviewed_at: dbNow(trx), reviewed_by: ctx.actor, review_reason: decision.reason ?? null };

    if (decision.decision === 'reject') {
      const changed = await trx('projects').where({ id: projectId, status: 'submitted' }).update({ status: 'rejected', ...review });
      if (changed !== 1) throw conflict('ALREADY_DECIDED', '该申报已审核，不能重复审核');
      await writeAudit(trx, { actor: ctx.actor, actorKind: 'user', project: projectId, action: 'declaration.reject', collection: 'projects', item: projectId, before: { status: 'submitted' }, after: { status: 'rejected', reason: decision.reason } });
      return { projectId, status: 'rejected', code: null };
    }

    const code = await nextProjectCode(trx, project.region_code);
    const changed = await trx('projects').where({ id: projectId, status: 'submitted' }).update({ status: 'approved', code, ...review });
    if (changed !== 1) throw conflict('ALREADY_DECIDED', '该申报已审核，不能重复审核');
    const units = parseDeclaredUnits(project.declared_units);
    for (const unit of units) await addMainUnit(trx, projectId, unit);
    const userId = await createProjectAccount(ctx, trx, projectId, code, project.name);
    await writeAudit(trx, {
      actor: ctx.actor,
      actorKind: 'user',
      project: projectId,
      action: 'declaration.approve',
      collection: 'projects',
      item: projectId,
      before: { status: 'submitted' },
      after: { status: 'approved', code, account_user: userId, units: units.map((u) => u.uscc) },
      note: decision.reason ?? null,
    });
    return { projectId, status: 'approved', code };
  });
}

function parseDeclaredUnits(value: unknown): Declaration['units'] {
  const units = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(units) || units.length === 0) throw invalid('UNITS_MISSING', '申报缺少五方主体单位信息，无法通过');
  return units as Declaration['units'];
}

/** The company is found by its credit code (or created), then linked to the project in its role. */
async function addMainUnit(trx: Knex, projectId: number, unit: Declaration['units'][number]): Promise<void> {
  let existing = await trx('units').where({ uscc: unit.uscc }).first('id');
  if (!existing) {
    const [inserted] = await trx('units').insert({ name: unit.name, uscc: unit.uscc, contact_name: unit.contact_name, contact_phone: unit.contact_phone }, ['id']);
    existing = inserted;
  }
  const unitId = typeof existing === 'object' ? existing.id : existing;
  const link = { project: projectId, unit: unitId, participation: unit.role };
  if (!(await trx('project_units').where(link).first('id'))) {
    await trx('project_units').insert({ ...link, is_main: true, contact_name: unit.contact_name, contact_phone: unit.contact_phone });
  }
}

/** The project's staff account; its password is unusable until 申报进度 issues the initial one. */
async function createProjectAccount(ctx: ReviewContext, trx: Knex, projectId: number, code: string, projectName: string): Promise<string> {
  const users = await createService(ctx, 'UsersService', trx);
  return users.createOne({
    email: accountToEmail(code),
    password: randomBytes(24).toString('base64url'),
    first_name: projectName.slice(0, 50),
    role: ROLE_IDS.projectStaff,
    status: 'active',
    project: projectId,
    must_change_password: true,
  });
}
