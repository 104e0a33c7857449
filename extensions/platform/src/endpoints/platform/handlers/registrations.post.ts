import { Registration, REGISTRATION_IMAGES, REGISTRATION_LABELS, type RegistrationReceipt } from '../../../../../../schema/api/registrations';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { platformConfig, uploadLimits } from '../../../config';
import { retryOnUniqueViolation } from '../../../db/unique-violation';
import { conflict } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { readImageUploads } from '../../../http/upload';
import { parseInput } from '../../../http/validate';
import { assertIdentityRules, maxAgeFrom } from '../../../people/identity-rules';
import { checkRegistration } from '../../../registration/check-registration';
import { registerPerson } from '../../../registration/register-person';
import { parseDataField } from '../../../registration/registration-model';
import { withStoredImages } from '../../../registration/staged-images';
import type { HandlerContext } from '../context';

/** A concurrent registration can take the same device pin; the transaction is retried this often. */
const ATTEMPTS = 3;

/**
 * POST /platform/registrations — 实名制登记 (multipart): images `id_front`, `id_back`, `photo` and
 * a text field `data` with the form as JSON (see registration-model.ts). Every rule is checked
 * before anything is stored; answers 201 with the new employment.
 */
export async function postRegistration(ctx: HandlerContext): Promise<RegistrationReceipt> {
  const scope = await projectScope(ctx.req, ctx.database);
  const config = platformConfig(ctx.env);
  const { images, fields } = await readImageUploads(ctx.req, { ...uploadLimits(ctx.env), labels: REGISTRATION_IMAGES, maxFieldBytes: 20_000 });
  const input = parseInput(Registration, parseDataField(fields['data']), REGISTRATION_LABELS);
  const today = todayInShanghai(new Date());
  assertIdentityRules(input, { role: input.role, today, maxAge: maxAgeFrom(config) });
  await checkRegistration(ctx.database, scope, input, today);

  return withStoredImages(ctx, images, REGISTRATION_IMAGES, input.name, (files) =>
    retryOnUniqueViolation(
      () => ctx.database.transaction((trx) => registerPerson(trx, scope, input, files, today)),
      ATTEMPTS,
      () => conflict('REGISTRATION_RACE', '登记信息刚被其他操作修改，请重新提交'),
    ),
  );
}
