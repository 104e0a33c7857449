import type { DeclarationPayload, DeclarationProgress, DeclarationReceipt } from '../../../schema/api';
import { call } from './client';

export type { DeclarationPayload, DeclarationProgress, DeclarationReceipt, DeclarationStatus, DeclarationUnit } from '../../../schema/api';

const path = (applicationNo: string): string =>
  `/platform/declarations/${encodeURIComponent(applicationNo)}`;

export function submitDeclaration(payload: DeclarationPayload): Promise<DeclarationReceipt> {
  return call<DeclarationReceipt>('/platform/declarations', { method: 'POST', body: payload, public: true });
}

export function fetchDeclaration(applicationNo: string, phone: string): Promise<DeclarationProgress> {
  return call<DeclarationProgress>(path(applicationNo), { params: { phone }, public: true });
}

export function resubmitDeclaration(
  applicationNo: string,
  phone: string,
  payload: DeclarationPayload,
): Promise<DeclarationReceipt> {
  return call<DeclarationReceipt>(path(applicationNo), {
    method: 'PUT',
    params: { phone },
    body: payload,
    public: true,
  });
}
