/**
 * Credentials (接入凭证): what lets a program outside the platform act for a project or the city.
 * One collection holds every kind, so the Core tier's collection budget pays once. Values are
 * stable slugs.
 */
import type { CodeList, CodeValue } from './code-list';

/** What a credential is for. The next waves add the national platform and WeChat. */
export const CREDENTIAL_KINDS = [{ value: 'site_agent', label: '现场代理（工地考勤终端下发）' }] as const satisfies CodeList;

export type CredentialKind = CodeValue<typeof CREDENTIAL_KINDS>;

/** A revoked credential stays revoked: a new one is issued instead. */
export const CREDENTIAL_STATUSES = [
  { value: 'active', label: '有效' },
  { value: 'revoked', label: '已吊销' },
] as const satisfies CodeList;

export type CredentialStatus = CodeValue<typeof CREDENTIAL_STATUSES>;
