import { randomBytes, randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import { projectCode } from '../../../../schema/rules/account';

// No 0/O, 1/I/L: application numbers and passwords are read off a phone and typed again.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function randomText(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** 申报编号: `SB` + date + 6 random characters (unguessable; the status check also needs the phone). */
export function newApplicationNo(today: string): string {
  return `SB${today.replaceAll('-', '')}${randomText(6)}`;
}

/** A one-time initial password: letters and digits, always both. */
export function newInitialPassword(): string {
  return `${randomText(4)}${randomInt(1000, 9999)}${randomText(4).toLowerCase()}`;
}

/** The next free project code in the region (call inside the approving transaction). */
export async function nextProjectCode(trx: Knex, regionCode: string): Promise<string> {
  const prefix = projectCode(regionCode, 0).slice(0, -4);
  const last = await trx('projects').where('code', 'like', `${prefix}%`).max({ code: 'code' }).first();
  const sequence = last?.code ? Number(String(last.code).slice(prefix.length)) + 1 : 1;
  return projectCode(regionCode, sequence);
}
