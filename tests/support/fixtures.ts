/** A complete, valid project declaration as the H5 submits it. Build bad ones as `{ ...validDeclaration, field: bad }`. */
export const validDeclaration = {
  name: '广元市利州区东坝安置房二期',
  category: '01',
  investment_nature: 'government',
  contact_name: '张伟',
  contact_phone: '13908121234',
  region_code: '510802',
  address: '利州区东坝街道滨河路 8 号',
  latitude: 32.4354,
  longitude: 105.8431,
  start_date: '2026-03-01',
  planned_completion_date: '2027-12-31',
  permit_no: '510802202603010101',
  permit_issued_on: '2026-02-20',
  floor_area: 52000.5,
  height: 99.6,
  structure_levels: '地上33层/地下2层',
  cost: 32000,
  payroll_bank: '中国农业银行广元分行',
  payroll_account_name: '四川蜀道建设有限公司农民工工资专用账户',
  payroll_account_no: '22840101040012345',
  deposit_method: 'bank_guarantee',
  deposit_amount: 320,
  units: [
    { role: '008', name: '广元市城市建设投资有限公司', uscc: '91350100M000100Y43', contact_name: '李强', contact_phone: '13800000001' },
    { role: '009', name: '四川蜀道建设有限公司', uscc: '91110108MA01KPGK0L', contact_name: '王磊', contact_phone: '13800000002' },
    { role: '007', name: '四川正信监理有限公司', uscc: '91440300708461136T', contact_name: '刘洋', contact_phone: '13800000003' },
    { role: '010', name: '四川省地质勘察院', uscc: '91110000100006485K', contact_name: '陈静', contact_phone: '13800000004' },
    { role: '011', name: '四川省建筑设计研究院', uscc: '911100001000044477', contact_name: '杨帆', contact_phone: '13800000005' },
  ],
};

export const ADMIN = { email: 'admin@example.com', password: 'Admin@2026' } as const;
export const REVIEW_DECLARATION_FLOW = '7b2a0b3e-5d3c-4e79-a02c-2d7e3f4a5b01';
