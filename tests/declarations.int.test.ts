import { beforeAll, describe, expect, test } from 'vitest';
import { accountToEmail } from '../schema/rules/account';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { ADMIN, REVIEW_DECLARATION_FLOW, validDeclaration } from './support/fixtures';
import { api, errorOf, login } from './support/http';

const units = validDeclaration.units;

/** Submits a declaration with a unique name and returns its number and id (looked up as admin). */
async function submit(adminToken: string, overrides: Record<string, unknown> = {}) {
  const payload = { ...validDeclaration, name: `${validDeclaration.name}-${Math.random().toString(36).slice(2, 8)}`, ...overrides };
  const { status, body } = await api('POST', '/platform/declarations', { json: payload });
  expect(status).toBe(201);
  const applicationNo: string = body.data.application_no;
  const found = await api('GET', `/items/projects?filter[application_no][_eq]=${applicationNo}&fields=id`, { token: adminToken });
  return { applicationNo, id: found.body.data[0].id as number };
}

function decide(token: string, id: number, decision: string, reason?: string) {
  return api('POST', `/flows/trigger/${REVIEW_DECLARATION_FLOW}`, { token, json: { collection: 'projects', keys: [String(id)], decision, reason } });
}

describe('project declaration', () => {
  let admin: string;
  let bureau: string;
  beforeAll(async () => {
    admin = await login(ADMIN.email, ADMIN.password);
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
  });

  describe('validation at the boundary: 400, a Chinese message naming the field, nothing stored', () => {
    test.each([
      ['name', { name: '' }, '请填写项目名称'],
      ['category', { category: 'xx' }, '请选择项目分类'],
      ['contact_phone', { contact_phone: '12345' }, '项目联系电话格式不正确'],
      ['region_code', { region_code: '999999' }, '地区编码不正确'],
      ['start_date', { start_date: '2026-13-01' }, '开工日期格式不正确，应为 YYYY-MM-DD'],
      ['planned_completion_date', { planned_completion_date: '2025-01-01' }, '计划竣工日期不能早于开工日期'],
      ['floor_area', { floor_area: -5 }, '建筑面积须大于 0'],
      ['payroll_account_no', { payroll_account_no: '12ab' }, '工资专户账号格式不正确（12–30 位数字）'],
      ['deposit_amount', { deposit_amount: undefined }, '请填写保证金金额（依规免缴除外）'],
      ['units', { units: units.slice(0, 4) }, '请填写设计单位'],
      ['units.1.uscc', { units: [units[0], { ...units[1], uscc: '91110108MA01KPGK0X' }, ...units.slice(2)] }, '施工总承包单位：'],
    ])('%s', async (field, overrides, message) => {
      const name = `校验-${field}-${Date.now()}`;
      const { status, body } = await api('POST', '/platform/declarations', { json: { ...validDeclaration, name, ...overrides } });
      expect(status).toBe(400);
      expect(errorOf(body).code).toBe('PLATFORM_INVALID_INPUT');
      expect(errorOf(body).field).toBe(field);
      expect(errorOf(body).message).toContain(message);
      const stored = await api('GET', `/items/projects?filter[name][_eq]=${encodeURIComponent(name)}&aggregate[count]=*`, { token: admin });
      expect(Number(stored.body.data[0].count)).toBe(0);
    });

    test('依规免缴 needs no deposit amount', async () => {
      const { status } = await api('POST', '/platform/declarations', { json: { ...validDeclaration, deposit_method: 'exempt', deposit_amount: undefined } });
      expect(status).toBe(201);
    });

    test('a body that is not JSON object is refused', async () => {
      const { status, body } = await api('POST', '/platform/declarations', { json: [1, 2] });
      expect(status).toBe(400);
      expect(errorOf(body).code).toBe('PLATFORM_INVALID_INPUT');
    });
  });

  test('approve: code, five main units, account with a one-time initial password, forced password change', async () => {
    const { applicationNo, id } = await submit(admin);
    const pending = await api('GET', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`);
    expect(pending.body.data).toMatchObject({ status: 'submitted', account: null, initial_password: null });

    const decided = await decide(bureau, id, 'approve');
    expect(decided.status).toBe(200);
    const project = await api('GET', `/items/projects/${id}?fields=status,code,units.participation,units.is_main,units.unit.uscc`, { token: admin });
    expect(project.body.data.status).toBe('approved');
    expect(project.body.data.code).toMatch(/^GY510802\d{4}$/);
    expect(project.body.data.units.map((u: any) => u.participation).sort()).toEqual(['007', '008', '009', '010', '011']);
    expect(project.body.data.units.every((u: any) => u.is_main)).toBe(true);
    const audit = await api('GET', `/items/audit_log?filter[item][_eq]=${id}&filter[action][_eq]=declaration.approve`, { token: admin });
    expect(audit.body.data).toHaveLength(1);

    const again = await decide(bureau, id, 'reject', '重复');
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toBe('该申报已审核，不能重复审核');

    const wrongPhone = await api('GET', `/platform/declarations/${applicationNo}?phone=13900000000`);
    expect(wrongPhone.status).toBe(403);

    const first = await api('GET', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`);
    expect(first.body.data.account).toBe(project.body.data.code);
    const password: string = first.body.data.initial_password;
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
    const second = await api('GET', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`);
    expect(second.body.data.initial_password).toBeNull();

    const email = accountToEmail(project.body.data.code);
    const token = await login(email, password);
    const me = await api('GET', '/platform/me', { token });
    expect(me.body.data).toMatchObject({ account: project.body.data.code, must_change_password: true, project: { id } });

    const weak = await api('POST', '/platform/me/password', { token, json: { current_password: password, new_password: 'abcdefgh' } });
    expect(weak.status).toBe(400);
    expect(errorOf(weak.body).message).toBe('新密码须包含数字');
    const wrong = await api('POST', '/platform/me/password', { token, json: { current_password: 'nope', new_password: 'Newpass2026' } });
    expect(errorOf(wrong.body)).toMatchObject({ field: 'current_password', message: '当前密码不正确' });
    const changed = await api('POST', '/platform/me/password', { token, json: { current_password: password, new_password: 'Newpass2026' } });
    expect(changed.status).toBe(204);
    const after = await api('GET', '/platform/me', { token: await login(email, 'Newpass2026') });
    expect(after.body.data.must_change_password).toBe(false);
    expect((await api('POST', '/auth/login', { json: { email, password } })).status).toBe(401);
  });

  test('reject needs a reason; the applicant sees it, corrects and resubmits the same application', async () => {
    const { applicationNo, id } = await submit(admin);
    const noReason = await decide(bureau, id, 'reject');
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason.body).message).toBe('驳回时必须填写审核意见');

    expect((await decide(bureau, id, 'reject', '施工许可证号与许可证照片不符')).status).toBe(200);
    const check = await api('GET', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`);
    expect(check.body.data).toMatchObject({ status: 'rejected', review_reason: '施工许可证号与许可证照片不符' });
    expect(check.body.data.form).toMatchObject({ permit_no: validDeclaration.permit_no, floor_area: validDeclaration.floor_area, units: validDeclaration.units });

    const corrected = { ...check.body.data.form, permit_no: '510802202603010199' };
    const resubmitted = await api('PUT', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`, { json: corrected });
    expect(resubmitted.status).toBe(200);
    const project = await api('GET', `/items/projects/${id}?fields=status,permit_no,review_reason`, { token: admin });
    expect(project.body.data).toEqual({ status: 'submitted', permit_no: '510802202603010199', review_reason: null });

    const whileSubmitted = await api('PUT', `/platform/declarations/${applicationNo}?phone=${validDeclaration.contact_phone}`, { json: corrected });
    expect(whileSubmitted.status).toBe(409);
    expect((await decide(bureau, id, 'approve')).status).toBe(200);
  });

  test('only bureau staff and administrators can decide', async () => {
    const { id } = await submit(admin);
    const project = DEMO_LOGINS.projects[0]!;
    const staff = await login(accountToEmail(project.account), project.password);
    expect((await decide(staff, id, 'approve')).status).toBe(403);
    expect((await api('POST', `/flows/trigger/${REVIEW_DECLARATION_FLOW}`, { json: { collection: 'projects', keys: [String(id)], decision: 'approve' } })).status).toBe(403);
    const still = await api('GET', `/items/projects/${id}?fields=status`, { token: admin });
    expect(still.body.data.status).toBe('submitted');
  });
});
