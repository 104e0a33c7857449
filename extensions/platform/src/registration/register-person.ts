/**
 * Saves a checked registration in the caller's transaction through the one person-saving module
 * (`people/save-person.ts`): the identity created or matched (renewed by a newer card), the
 * employment with the next device pin and everything this project recorded, audited, enrolled on
 * the project's gate devices.
 */
import type { Knex } from 'knex';
import type { Registration, RegistrationReceipt } from '../../../../schema/api/registrations';
import type { IsoDate } from '../../../../schema/rules';
import type { ProjectScope } from '../http/scope';
import { savePerson } from '../people/save-person';
import { checkRegistration } from './check-registration';

/** Private file ids of the three images, already stored. */
export interface RegistrationImages {
  id_front: string;
  id_back: string;
  photo: string;
}

export async function registerPerson(trx: Knex, scope: ProjectScope, input: Registration, images: RegistrationImages, today: IsoDate): Promise<RegistrationReceipt> {
  await checkRegistration(trx, scope, input, today);
  const saved = await savePerson(trx, scope, {
    identity: input,
    phone: input.phone,
    photos: images,
    note: '实名制登记',
    plan: {
      kind: 'registration',
      role: input.role,
      team: input.team,
      unit: input.unit,
      trade: input.trade,
      card_no: input.card_no,
      entry_date: input.entry_date,
      wage_method: input.wage_method,
      wage_amount: input.wage_amount,
      wage_unit: input.wage_unit,
      contract_template: input.contract_template,
    },
  });
  return {
    employment_id: saved.employmentId,
    person_id: saved.personId,
    new_person: saved.newPerson,
    renewed: saved.renewed,
    device_pin: saved.devicePin,
    name: input.name,
    role: input.role,
    team: input.team,
    unit: input.unit,
    entry_date: input.entry_date,
    status: 'on_site',
  };
}
