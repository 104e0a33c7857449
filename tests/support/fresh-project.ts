import { accountToEmail } from '../../schema/rules/account';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { ADMIN, REVIEW_DECLARATION_FLOW, validDeclaration } from './fixtures';
import { api as callApi, login as callLogin } from './http';

export interface FreshProject {
  id: number;
  code: string;
  name: string;
  /** Login of its project-staff account. */
  account: string;
  password: string;
  token: string;
}

/**
 * A new project declared through the public API, approved by the bureau through the review flow, with
 * its staff logged in: its own units and no key posts, people or contracts yet.
 * @example const project = await createApprovedProject('关键岗位测试'); // or (label, baseUrl) for another server
 */
export async function createApprovedProject(label: string, baseUrl?: string): Promise<FreshProject> {
  const at = baseUrl ? { baseUrl } : {};
  const api = (method: string, path: string, options: { json?: unknown; token?: string } = {}) => callApi(method, path, { ...options, ...at });
  const login = (email: string, password: string) => callLogin(email, password, baseUrl);
  const name = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const submitted = await api('POST', '/platform/declarations', { json: { ...validDeclaration, name } });
  if (submitted.status !== 201) throw new Error(`declaration failed: ${JSON.stringify(submitted.body)}`);
  const applicationNo: string = submitted.body.data.application_no;
  const admin = await login(ADMIN.email, ADMIN.password);
  const found = await api('GET', `/items/projects?filter[application_no][_eq]=${applicationNo}&fields=id`, { token: admin });
  const id = Number(found.body.data[0].id);
  const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
  const decided = await api('POST', `/flows/trigger/${REVIEW_DECLARATION_FLOW}`, { token: bureau, json: { collection: 'projects', keys: [String(id)], decision: 'approve' } });
  if (decided.status !== 200) throw new Error(`approval failed: ${JSON.stringify(decided.body)}`);
  const progress = await api('GET', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`);
  const code: string = progress.body.data.account;
  const password: string = progress.body.data.initial_password;
  const token = await login(accountToEmail(code), password);
  return { id, code, name, account: code, password, token };
}
