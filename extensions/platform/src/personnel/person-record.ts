/**
 * 查看: what project staff see of one employment of their project. Access follows the present
 * relationship: the identity's unchanging part (name, number, sex, ethnicity, birth date) always;
 * the card's current details (address, issuing authority, validity) while the person is on site
 * here, and once they have left only the card as this project recorded it (`employments.id_card`),
 * so a former employer never reads a renewal another project made. Phone, wage card, photos and face
 * are always this employment's own (what this project recorded), never another project's.
 */
import type { Knex } from 'knex';
import type { PersonDetail } from '../../../../schema/api/people';
import { daysBetween, maskBankAccount } from '../../../../schema/rules';
import { fromDbRow, readDate, readText } from '../db/values';
import type { IdCardRecord } from '../../../../schema/api/identity';

type Row = Record<string, unknown>;

/** Days on site up to today (on site) or the exit date (exited); 0 on the entry day. */
export function daysOnSite(entryDate: string | null, exitDate: string | null, today: string): number | null {
  if (!entryDate) return null;
  return Math.max(0, daysBetween(entryDate, exitDate ?? today));
}

/** A json column as stored (object on PostgreSQL, text on SQLite). */
export function readJson<T>(value: unknown): T | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

/** A stored code (the columns hold values of the shared code lists). */
const code = <T>(value: unknown): T => (value ?? null) as T;
type Person = PersonDetail['person'];

/** The card's details as the caller may see them: live while on site, the employment's record after. */
export function visibleCard(employment: Row, person: Row): IdCardRecord {
  if (employment['status'] === 'on_site') {
    return { address: readText(person['address']), issuing_authority: readText(person['issuing_authority']), id_valid_from: readDate(person['id_valid_from']), id_valid_to: readText(person['id_valid_to']) };
  }
  const recorded = readJson<Partial<IdCardRecord>>(employment['id_card']) ?? {};
  return { address: recorded.address ?? null, issuing_authority: recorded.issuing_authority ?? null, id_valid_from: recorded.id_valid_from ?? null, id_valid_to: recorded.id_valid_to ?? null };
}

/** The 查看 answer for `employment` (a row of the caller's project, already checked). */
export async function personRecord(database: Knex, employment: Row, today: string): Promise<PersonDetail> {
  const person: Row = await database('people').select('id', 'name', 'id_type', 'id_number', 'temporary_id', 'gender', 'ethnicity', 'birth_date', 'address', 'issuing_authority', 'id_valid_from', 'id_valid_to').where({ id: employment['person'] }).first();
  const team = await database('teams').select('id', 'name', 'kind', 'status').where({ id: employment['team'] }).first();
  const unit = await database('units').select('id', 'name').where({ id: employment['unit'] }).first();
  const contract = await database('contracts').select('id', 'contract_no').where({ employment: employment['id'] }).first();
  const e = fromDbRow('employments', employment);
  const card = visibleCard(employment, person);
  return {
    id: Number(e['id']),
    project: Number(e['project']),
    role: code<PersonDetail['role']>(e['role']),
    trade: String(e['trade']),
    status: code<PersonDetail['status']>(e['status']),
    card_no: readText(e['card_no']),
    device_pin: String(e['device_pin']),
    entry_date: readDate(e['entry_date']),
    exit_date: readDate(e['exit_date']),
    exit_reason: readText(e['exit_reason']),
    days_on_site: daysOnSite(readDate(e['entry_date']), readDate(e['exit_date']), today),
    wage_method: code<PersonDetail['wage_method']>(e['wage_method']),
    wage_amount: e['wage_amount'] === null || e['wage_amount'] === undefined ? null : Number(e['wage_amount']),
    wage_unit: readText(e['wage_unit']),
    person: {
      id: Number(person['id']),
      name: String(person['name']),
      id_type: String(person['id_type'] ?? '01'),
      id_number: String(person['id_number']),
      temporary_id: Boolean(person['temporary_id']),
      gender: code<Person['gender']>(person['gender']),
      ethnicity: code<Person['ethnicity']>(person['ethnicity']),
      birth_date: readDate(person['birth_date']),
      ...card,
      phone: readText(e['phone']),
      education: code<Person['education']>(e['education']),
      political_status: code<Person['political_status']>(e['political_status']),
      blood_type: code<Person['blood_type']>(e['blood_type']),
      id_front: readText(e['id_front']),
      id_back: readText(e['id_back']),
      photo: readText(e['photo']),
      face_photo: readText(e['face_photo']),
      // The wage card is shown masked; only the bank file (工资表) carries it in full.
      bank_card_no: e['bank_card_no'] ? maskBankAccount(String(e['bank_card_no'])) : null,
      bank_name: readText(e['bank_name']),
    },
    team: team ? { id: Number(team.id), name: String(team.name), kind: String(team.kind), status: String(team.status) } : null,
    unit: unit ? { id: Number(unit.id), name: String(unit.name) } : null,
    contract: contract ? { id: Number(contract.id), contract_no: String(contract.contract_no) } : null,
  };
}
