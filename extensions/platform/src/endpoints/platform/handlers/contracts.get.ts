import type { ContractDetail, ContractListItem, ContractPage } from '../../../../../../schema/api/contracts';
import { maskIdNumber } from '../../../../../../schema/rules/id-card';
import { ownedContract } from '../../../contracts/contract-photos';
import { fromDbRow, readDate, readTimestamp } from '../../../db/values';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';
import { likeContains } from './people.get';

const PAGE_SIZE = 20;

/**
 * GET /platform/contracts?status=all|signed|unsigned&q=&page= — 劳动合同: the project's people on site
 * with their contract (or null), masked, 20 a page, plus how many have signed and how many not.
 */
export async function listContracts({ req, database }: HandlerContext): Promise<ContractPage> {
  const scope = await projectScope(req, database);
  const status = req.query['status'] === 'signed' || req.query['status'] === 'unsigned' ? req.query['status'] : 'all';
  const q = typeof req.query['q'] === 'string' ? req.query['q'].trim().slice(0, 50) : '';
  const page = Math.max(1, Number.parseInt(String(req.query['page'] ?? '1'), 10) || 1);
  const onSite = database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .leftJoin('contracts', 'contracts.employment', 'employments.id')
    .where({ 'employments.project': scope.projectId, 'employments.status': 'on_site' })
    .modify((query) => {
      if (!q) return;
      const pattern = likeContains(q);
      query.andWhere((w) => w.whereRaw(`people.name like ? escape '\\'`, [pattern]).orWhereRaw(`teams.name like ? escape '\\'`, [pattern]).orWhere('contracts.contract_no', q));
    });
  const [counts] = await onSite.clone().select(database.raw('count(*) as total'), database.raw('count(contracts.id) as signed'));
  const total = Number(counts?.total ?? 0);
  const signed = Number(counts?.signed ?? 0);
  const rows: Record<string, unknown>[] = await onSite
    .clone()
    .modify((query) => {
      if (status === 'signed') query.whereNotNull('contracts.id');
      if (status === 'unsigned') query.whereNull('contracts.id');
    })
    .select(
      'employments.id',
      'employments.role',
      'employments.trade',
      'employments.entry_date',
      'people.name',
      'people.gender',
      'people.id_number',
      'teams.name as team_name',
      'contracts.id as contract_id',
      'contracts.contract_no',
      'contracts.signed_on',
    )
    .orderBy('employments.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    total: status === 'signed' ? signed : status === 'unsigned' ? total - signed : total,
    signed,
    unsigned: total - signed,
    page,
    page_size: PAGE_SIZE,
    items: rows.map(
      (row): ContractListItem => ({
        id: Number(row['id']),
        role: row['role'] as ContractListItem['role'],
        trade: String(row['trade']),
        entry_date: readDate(row['entry_date']),
        name: String(row['name']),
        gender: row['gender'] as ContractListItem['gender'],
        id_number: maskIdNumber(String(row['id_number'])),
        team_name: (row['team_name'] as string | null) ?? null,
        contract: row['contract_id'] ? { id: Number(row['contract_id']), contract_no: String(row['contract_no']), signed_on: readDate(row['signed_on']) } : null,
      }),
    ),
  };
}

/** GET /platform/contracts/:id — 合同信息: number, type, the person (ID masked), company, date and photo ids. */
export async function getContract({ req, database }: HandlerContext): Promise<ContractDetail> {
  const scope = await projectScope(req, database);
  const { id } = await ownedContract(database, Number.parseInt(String(req.params['id'] ?? ''), 10) || 0, scope);
  const row = await database('contracts')
    .join('employments', 'employments.id', 'contracts.employment')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('units', 'units.id', 'employments.unit')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .select(
      'contracts.id',
      'contracts.contract_no',
      'contracts.type',
      'contracts.signed_on',
      'contracts.date_created',
      'contracts.employment',
      'employments.status as employment_status',
      'people.name',
      'people.gender',
      'people.id_number',
      'units.name as unit_name',
      'teams.name as team_name',
    )
    .where('contracts.id', id)
    .first();
  const photos: { directus_files_id: string }[] = await database('contracts_files').select('directus_files_id').where({ contracts_id: id }).orderBy('sort').orderBy('id');
  const contract = fromDbRow('contracts', row as Record<string, unknown>);
  return {
    id: Number(contract['id']),
    contract_no: String(contract['contract_no']),
    type: contract['type'] as ContractDetail['type'],
    signed_on: readDate(contract['signed_on']),
    date_created: readTimestamp(row.date_created),
    employment: Number(contract['employment']),
    employment_status: String(contract['employment_status']),
    name: String(contract['name']),
    gender: contract['gender'] as ContractDetail['gender'],
    id_number: maskIdNumber(String(row.id_number)),
    unit_name: (contract['unit_name'] as string | null) ?? null,
    team_name: (contract['team_name'] as string | null) ?? null,
    photos: photos.map((photo) => photo.directus_files_id),
  };
}
