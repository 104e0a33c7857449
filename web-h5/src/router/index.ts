import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { parseApiError, toastError } from '@/api/errors';
import { hasStoredSession } from '@/api/client';
import { useSession } from '@/composables/use-session';
import { HOME_MENU } from './menu';

const APP_TITLE = '建筑工人实名制管理平台';

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
  ...HOME_MENU.map(
    (entry): RouteRecordRaw => ({
      path: entry.path,
      name: entry.name,
      component: () => import('@/pages/building/index.vue'),
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
