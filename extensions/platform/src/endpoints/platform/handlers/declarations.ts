import { Declaration, DECLARATION_LABELS, type DeclarationProgress, type DeclarationReceipt } from '../../../../../../schema/api/declarations';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { normalizePhone } from '../../../../../../schema/rules/phone';
import { writeAudit } from '../../../audit/write-audit';
import { readDate, readTimestamp, toDbRow } from '../../../db/values';
import { issueInitialPassword } from '../../../declarations/issue-initial-password';
import { newApplicationNo } from '../../../declarations/numbers';
import { conflict, notYours } from '../../../http/errors';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

/** The projects columns a declaration fills (the five units are kept as submitted until approval). */
function toProjectRow(ctx: HandlerContext, d: Declaration, extra: Record<string, unknown>) {
  const { units, ...fields } = d;
  return toDbRow(ctx.database, 'projects', { ...fields, declared_units: JSON.stringify(units), ...extra });
}

/** The declaration with this number whose contact phone matches; otherwise 403 (as if absent). */
async function findOwnDeclaration({ req, database }: HandlerContext) {
  const applicationNo = String(req.params['applicationNo'] ?? '').trim().toUpperCase();
  const phone = normalizePhone(String(req.query['phone'] ?? ''));
  const project = await database('projects').where({ application_no: applicationNo }).first();
  if (!project || !phone || normalizePhone(project.contact_phone) !== phone) throw notYours();
  return project;
}

/** POST /platform/declarations — public: submit a project declaration (项目申报). */
export async function submitDeclaration(ctx: HandlerContext): Promise<DeclarationReceipt> {
  const declaration = parseInput(Declaration, ctx.req.body, DECLARATION_LABELS);
  const applicationNo = newApplicationNo(todayInShanghai(new Date()));
  await ctx.database.transaction(async (trx) => {
    const row = toProjectRow(ctx, declaration, { application_no: applicationNo, status: 'submitted', submitted_at: new Date().toISOString() });
    const [inserted] = await trx('projects').insert(row, ['id']);
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    await writeAudit(trx, { actor: null, actorKind: 'public', project: id, action: 'declaration.submit', collection: 'projects', item: id, after: { application_no: applicationNo } });
  });
  return { application_no: applicationNo, status: 'submitted' as const };
}

/** GET /platform/declarations/:applicationNo?phone= — public: 申报进度; issues the initial password once. */
export async function checkDeclaration(ctx: HandlerContext): Promise<DeclarationProgress> {
  const project = await findOwnDeclaration(ctx);
  const initialPassword = project.status === 'approved' && !project.initial_password_issued_at ? await issueInitialPassword(ctx, project) : null;
  const units = typeof project.declared_units === 'string' ? JSON.parse(project.declared_units) : project.declared_units;
  return {
    application_no: project.application_no,
    name: project.name,
    status: project.status,
    submitted_at: readTimestamp(project.submitted_at),
    reviewed_at: readTimestamp(project.reviewed_at),
    review_reason: project.review_reason ?? null,
    account: project.status === 'approved' ? project.code : null,
    initial_password: initialPassword,
    ...(project.status === 'rejected' ? { form: { ...formFields(project), units } } : {}),
  };
}

/** PUT /platform/declarations/:applicationNo?phone= — public: correct and resubmit a rejected declaration. */
export async function resubmitDeclaration(ctx: HandlerContext): Promise<DeclarationReceipt> {
  const project = await findOwnDeclaration(ctx);
  if (project.status !== 'rejected') throw conflict('NOT_REJECTED', project.status === 'submitted' ? '申报正在审核中，不能修改' : '申报已审核通过，不能修改');
  const declaration = parseInput(Declaration, ctx.req.body, DECLARATION_LABELS);
  await ctx.database.transaction(async (trx) => {
    const changed = await trx('projects')
      .where({ id: project.id, status: 'rejected' })
      .update(toProjectRow(ctx, declaration, { status: 'submitted', submitted_at: new Date().toISOString(), review_reason: null, reviewed_at: null, reviewed_by: null }));
    if (changed !== 1) throw conflict('NOT_REJECTED', '申报状态已变化，请刷新后重试');
    await writeAudit(trx, { actor: null, actorKind: 'public', project: project.id, action: 'declaration.resubmit', collection: 'projects', item: project.id, before: { status: 'rejected', review_reason: project.review_reason } });
  });
  return { application_no: String(project.application_no), status: 'submitted' as const };
}

const TEXT_FIELDS = [
  'name', 'category', 'investment_nature', 'contact_name', 'contact_phone', 'region_code', 'address', 'permit_no',
  'structure_levels', 'payroll_bank', 'payroll_account_name', 'payroll_account_no', 'deposit_method',
] as const;
const DATE_FIELDS = ['start_date', 'planned_completion_date', 'permit_issued_on'] as const;
// Decimal columns come back as strings on PostgreSQL; the form wants numbers.
const NUMBER_FIELDS = ['latitude', 'longitude', 'floor_area', 'height', 'cost', 'deposit_amount'] as const;

/** The submitted form as the H5 sends it, for correcting a rejected declaration. */
function formFields(project: Record<string, unknown>) {
  const form: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) if (project[field] != null) form[field] = project[field];
  for (const field of NUMBER_FIELDS) if (project[field] != null) form[field] = Number(project[field]);
  for (const field of DATE_FIELDS) if (project[field] != null) form[field] = readDate(project[field]);
  return form;
}
