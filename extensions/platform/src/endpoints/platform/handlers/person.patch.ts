import { PERSON_EDIT_LABELS, PersonEdit, type PersonEditResult } from '../../../../../../schema/api/people';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { platformConfig } from '../../../config';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { maxAgeFrom } from '../../../people/identity-rules';
import { editPerson } from '../../../personnel/edit-person';

import type { HandlerContext } from '../context';

/** PATCH /platform/people/:id — 人员编辑 (any subset of the form's fields); answers the changed field names. */
export async function patchPerson(ctx: HandlerContext): Promise<PersonEditResult> {
  const scope = await projectScope(ctx.req, ctx.database);
  const edit = parseInput(PersonEdit, ctx.req.body, PERSON_EDIT_LABELS);
  const id = Number.parseInt(String(ctx.req.params['id'] ?? ''), 10) || 0;
  const context = { scope, today: todayInShanghai(new Date()), maxAge: maxAgeFrom(platformConfig(ctx.env)) };
  return ctx.database.transaction((trx) => editPerson(trx, id, edit, context));
}
