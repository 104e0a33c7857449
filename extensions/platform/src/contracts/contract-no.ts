import type { Knex } from 'knex';

/** `HT` + project code + a 4-digit (or longer) sequence per project, as the demo city numbers them. */
export function formatContractNo(projectCode: string, seq: number): string {
  return `HT${projectCode}${String(seq).padStart(4, '0')}`;
}

/**
 * The next free contract number of the project: one past the highest in use. Two signings racing
 * for the same number are caught by the unique index on `contract_no` (the caller retries).
 */
export async function nextContractNo(trx: Knex, projectId: number): Promise<string> {
  const project = await trx('projects').select('code').where({ id: projectId }).first();
  const code = String(project?.code ?? projectId);
  const prefix = `HT${code}`;
  // Longer numbers sort after shorter ones (…9999 < …10000), so order by length first.
  const last: { contract_no: string } | undefined = await trx('contracts')
    .select('contract_no')
    .where('contract_no', 'like', `${prefix}%`)
    .orderByRaw('length(contract_no) desc, contract_no desc')
    .first();
  const seq = last ? Number.parseInt(last.contract_no.slice(prefix.length), 10) || 0 : 0;
  return formatContractNo(code, seq + 1);
}
