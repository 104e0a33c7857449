import { createRouter, createWebHistory, type RouteRecordRaw, type RouteRecordSingleView } from 'vue-router';
import { parseApiError, toastError } from '@/api/errors';
import { hasStoredSession } from '@/api/client';
import { useSession } from '@/composables/use-session';
import { HOME_MENU } from './menu';

const APP_TITLE = '建筑工人实名制管理平台';

/** Menu entries whose page exists; the others show the 建设中 placeholder. */
const MENU_PAGES: Partial<Record<string, RouteRecordSingleView['component']>> = {
  'key-posts': () => import('@/pages/key-posts/index.vue'),
  teams: () => import('@/pages/teams/index.vue'),
  register: () => import('@/pages/register/index.vue'),
  contracts: () => import('@/pages/contracts/index.vue'),
  people: () => import('@/pages/people/index.vue'),
  faces: () => import('@/pages/faces/index.vue'),
  'attendance-summary': () => import('@/pages/attendance/summary/index.vue'),
  'attendance-records': () => import('@/pages/attendance/records/index.vue'),
  devices: () => import('@/pages/devices/index.vue'),
  payroll: () => import('@/pages/payroll/index.vue'),
};

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'home' } },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/login/index.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/declare',
    name: 'declare',
    component: () => import('@/pages/declare/index.vue'),
    meta: { title: '项目申报', public: true },
  },
  {
    path: '/declare/success',
    name: 'declare-success',
    component: () => import('@/pages/declare/success.vue'),
    meta: { title: '申报已提交', public: true },
  },
  {
    path: '/progress',
    name: 'progress',
    component: () => import('@/pages/progress/index.vue'),
    meta: { title: '申报进度', public: true },
  },
  {
    path: '/home',
    name: 'home',
    component: () => import('@/pages/home/index.vue'),
    meta: { title: '首页' },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/pages/password/index.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/key-posts/entry',
    name: 'key-post-entry',
    component: () => import('@/pages/key-posts/entry.vue'),
    meta: { title: '关键岗位入场登记' },
  },
  {
    path: '/key-posts/:id(\\d+)/exit',
    name: 'key-post-exit',
    component: () => import('@/pages/key-posts/exit.vue'),
    meta: { title: '关键岗位退场申请' },
  },
  {
    path: '/teams/new',
    name: 'team-new',
    component: () => import('@/pages/teams/edit.vue'),
    meta: { title: '新建班组' },
  },
  {
    path: '/teams/:id(\\d+)/edit',
    name: 'team-edit',
    component: () => import('@/pages/teams/edit.vue'),
    meta: { title: '编辑班组' },
  },
  {
    path: '/register/form',
    name: 'register-form',
    component: () => import('@/pages/register/form.vue'),
    meta: { title: '证件采集' },
  },
  // 劳动合同, 施工人员 and 退场 (issue 7, parts 5–7).
  {
    path: '/contracts/sign/:employment(\\d+)',
    name: 'contract-sign',
    component: () => import('@/pages/contracts/sign.vue'),
    meta: { title: '签订合同' },
  },
  {
    path: '/contracts/:id(\\d+)',
    name: 'contract-detail',
    component: () => import('@/pages/contracts/detail.vue'),
    meta: { title: '合同信息' },
  },
  {
    path: '/people/:id(\\d+)',
    name: 'person-detail',
    component: () => import('@/pages/people/detail.vue'),
    meta: { title: '人员信息' },
  },
  {
    path: '/people/:id(\\d+)/edit',
    name: 'person-edit',
    component: () => import('@/pages/people/edit.vue'),
    meta: { title: '人员编辑' },
  },
  {
    path: '/people/:id(\\d+)/card',
    name: 'person-card',
    component: () => import('@/pages/people/card.vue'),
    meta: { title: '发卡' },
  },
  {
    path: '/people/:id(\\d+)/exit',
    name: 'person-exit',
    component: () => import('@/pages/people/exit.vue'),
    meta: { title: '人员退场' },
  },
  {
    path: '/teams/:id(\\d+)/exit',
    name: 'team-exit',
    component: () => import('@/pages/team-exit/index.vue'),
    meta: { title: '班组退场' },
  },
  {
    path: '/faces/:id(\\d+)',
    name: 'face-capture',
    component: () => import('@/pages/faces/capture.vue'),
    meta: { title: '人脸采集' },
  },
  // 出勤一览表 更多 and 补录打卡 (issue 6, part 8).
  {
    path: '/attendance/people',
    name: 'attendance-people',
    component: () => import('@/pages/attendance/people/index.vue'),
    meta: { title: '出勤明细' },
  },
  {
    path: '/attendance/records/manual',
    name: 'attendance-manual',
    component: () => import('@/pages/attendance/manual/index.vue'),
    meta: { title: '补录打卡' },
  },
  ...HOME_MENU.map(
    (entry): RouteRecordRaw => ({
      path: entry.path,
      name: entry.name,
      component: MENU_PAGES[entry.name] ?? (() => import('@/pages/building/index.vue')),
      meta: { title: entry.label },
    }),
  ),
  { path: '/:pathMatch(.*)*', redirect: { name: 'home' } },
];

export const router = createRouter({
  history: createWebHistory('/h5/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  const session = useSession();
  // An already logged-in user opening the login page goes straight in.
  if (to.meta.public && !(to.name === 'login' && hasStoredSession())) return true;

  const toLogin = { name: 'login', query: to.fullPath === '/home' ? {} : { redirect: to.fullPath } };
  let me;
  try {
    me = await session.ensureMe();
  } catch (err) {
    const error = parseApiError(err);
    if (error.status === 401 || error.status === 403) session.reset();
    if (to.name === 'login') return true;
    // 401 is the ordinary "session expired": the login page says enough. Anything else is worth a word.
    if (error.status !== 401) toastError(error.message);
    return toLogin;
  }
  if (!me) return to.name === 'login' ? true : toLogin;
  // A first login must replace the issued password before anything else.
  if (me.must_change_password) return to.name === 'password' ? true : { name: 'password' };
  if (to.name === 'login') return { name: 'home' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${APP_TITLE}` : APP_TITLE;
});
