/** The home menu, in the order of the user guide. Each entry is also a route. */
export interface MenuEntry {
  label: string;
  /** Route name and the suffix of the data-test id. */
  name: string;
  path: string;
  /** Vant icon name. */
  icon: string;
  color: string;
}

export const HOME_MENU: readonly MenuEntry[] = [
  { label: '项目班组', name: 'teams', path: '/teams', icon: 'friends-o', color: '#1989fa' },
  { label: '实名制登记', name: 'register', path: '/register', icon: 'idcard', color: '#07c160' },
  { label: '人脸采集', name: 'faces', path: '/faces', icon: 'photograph', color: '#ff976a' },
  { label: '关键岗位', name: 'key-posts', path: '/key-posts', icon: 'manager-o', color: '#7232dd' },
  { label: '劳动合同', name: 'contracts', path: '/contracts', icon: 'description-o', color: '#ee0a24' },
  { label: '施工人员', name: 'people', path: '/people', icon: 'contact-o', color: '#1989fa' },
  {
    label: '出勤一览表',
    name: 'attendance-summary',
    path: '/attendance/summary',
    icon: 'bar-chart-o',
    color: '#07c160',
  },
  {
    label: '出勤记录',
    name: 'attendance-records',
    path: '/attendance/records',
    icon: 'clock-o',
    color: '#ff976a',
  },
  { label: '设备状态', name: 'devices', path: '/devices', icon: 'tv-o', color: '#7232dd' },
  // Not in the user guide's nine: the monthly wage roster (保障农民工工资支付条例), after the attendance it is made from.
  { label: '工资表', name: 'payroll', path: '/payroll', icon: 'balance-list-o', color: '#ee0a24' },
];
