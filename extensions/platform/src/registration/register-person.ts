/**
 * Saves a checked registration in the caller's transaction: creates or updates the city-wide
 * `people` row (keyed by ID number), creates the `employments` row with the next device pin,
 * audits both and queues the person's enrolment on the project's gate devices.
 */
import type { Knex } from 'knex';
import { maskIdNumber, maskPhone, type IsoDate } from '../../../../schema/rules';
import { writeAuditMany, type AuditEntry } from '../audit/write-audit';
import { dbNow, fromDbRow, toDbRow } from '../db/values';
import { queueDeviceSync } from '../devices/queue-device-sync';
import type { ProjectScope } from '../http/scope';
import { checkRegistration } from './check-registration';
import { nextDevicePin } from './device-pin';
import type { Registration } from './registration-model';

/** Private file ids of the three images, already stored. */
export interface RegistrationImages {
  id_front: string;
  id_back: string;
  photo: string;
}

export interface RegistrationResult {
  employment_id: number;
  person_id: number;
  /** Whether the person was new to the city-wide register. */
  new_person: boolean;
  device_pin: string;
  name: string;
  role: Registration['role'];
  team: number;
  unit: number;
  entry_date: IsoDate;
  status: 'on_site';
}

const PERSON_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birth_date',
  'address',
  'id_number',
  'issuing_authority',
  'id_valid_from',
  'id_valid_to',
  'temporary_id',
  'phone',
] as const;

/** Personal data as the audit log keeps it: the number and phone masked. */
function forAudit(row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  if (typeof out['id_number'] === 'string') out['id_number'] = maskIdNumber(out['id_number']);
  if (typeof out['phone'] === 'string') out['phone'] = maskPhone(out['phone']);
  return out;
}

export async function registerPerson(trx: Knex, scope: ProjectScope, input: Registration, images: RegistrationImages, today: IsoDate): Promise<RegistrationResult> {
  const { personId: knownId } = await checkRegistration(trx, scope, input, today);
  const personRow: Record<string, unknown> = { id_type: '01', ...Object.fromEntries(PERSON_FIELDS.map((field) => [field, input[field]])), ...images };
  const audit: AuditEntry[] = [];
  const actor = { actor: scope.userId, actorKind: 'user' as const, project: scope.projectId };

  let personId: number;
  if (knownId === null) {
    const [inserted] = await trx('people').insert(toDbRow(trx, 'people', { ...personRow, date_created: dbNow(trx) }), ['id']);
    personId = Number(typeof inserted === 'object' ? inserted.id : inserted);
    audit.push({ ...actor, action: 'person.create', collection: 'people', item: personId, after: forAudit(personRow) });
  } else {
    personId = knownId;
    const stored = fromDbRow('people', await trx('people').where({ id: personId }).first(...PERSON_FIELDS, 'id_front', 'id_back', 'photo'));
    // SQLite keeps booleans as 0/1.
    const comparable = (value: unknown) => (typeof value === 'boolean' ? Number(value) : (value ?? ''));
    const changed = Object.keys(personRow).filter((field) => field !== 'id_type' && String(comparable(stored[field])) !== String(comparable(personRow[field])));
    await trx('people').where({ id: personId }).update(toDbRow(trx, 'people', { ...personRow, date_updated: dbNow(trx) }));
    audit.push({
      ...actor,
      action: 'person.update',
      collection: 'people',
      item: personId,
      before: forAudit(Object.fromEntries(changed.map((field) => [field, stored[field] ?? null]))),
      after: forAudit(Object.fromEntries(changed.map((field) => [field, personRow[field] ?? null]))),
      note: '实名制登记',
    });
  }

  const employment = {
    project: scope.projectId,
    person: personId,
    team: input.team,
    unit: input.unit,
    role: input.role,
    trade: input.trade,
    card_no: input.card_no,
    device_pin: await nextDevicePin(trx, scope.projectId),
    entry_date: input.entry_date,
    status: 'on_site' as const,
    wage_method: input.wage_method,
    wage_amount: input.wage_amount,
    wage_unit: input.wage_unit,
    contract_template: input.contract_template,
  };
  const [inserted] = await trx('employments').insert(toDbRow(trx, 'employments', { ...employment, date_created: dbNow(trx) }), ['id']);
  const employmentId = Number(typeof inserted === 'object' ? inserted.id : inserted);
  audit.push({ ...actor, action: 'employment.register', collection: 'employments', item: employmentId, after: employment });

  await writeAuditMany(trx, audit);
  await queueDeviceSync(trx, [employmentId], 'enrol');
  return {
    employment_id: employmentId,
    person_id: personId,
    new_person: knownId === null,
    device_pin: employment.device_pin,
    name: input.name,
    role: input.role,
    team: input.team,
    unit: input.unit,
    entry_date: input.entry_date,
    status: 'on_site',
  };
}
