import type { CardResult, Page, PeopleQuery, PersonDetail, PersonEditPayload, PersonEditResult, PersonListItem } from '../../../schema/api';
import { call } from './client';

export type { CardResult, EmploymentStatus, Page, PeopleQuery, PersonDetail, PersonEditPayload, PersonEditResult, PersonListItem } from '../../../schema/api';

export function fetchPeople(params: PeopleQuery): Promise<Page<PersonListItem>> {
  return call<Page<PersonListItem>>('/platform/people', {
    params: { status: params.status, q: params.q ?? '', page: String(params.page), ...(params.team ? { team: String(params.team) } : {}) },
  });
}

export function fetchPerson(id: number): Promise<PersonDetail> {
  return call<PersonDetail>(`/platform/people/${id}`);
}

export function updatePerson(id: number, payload: PersonEditPayload): Promise<PersonEditResult> {
  return call<PersonEditResult>(`/platform/people/${id}`, { method: 'PATCH', body: payload });
}

/** 发卡; an empty card number takes the card back. */
export function assignCard(id: number, cardNo: string): Promise<CardResult> {
  return call<CardResult>(`/platform/people/${id}/card`, { method: 'PUT', body: { card_no: cardNo } });
}
