import { createApp } from 'vue';
// Styles of Vant's function APIs (toast, dialog, notify); components get theirs via the resolver.
import 'vant/es/toast/style';
import 'vant/es/dialog/style';
import './styles/global.css';
import App from './App.vue';
import { router } from './router';
import { setUnauthorizedHandler } from './api/errors';
import { useSession } from './composables/use-session';

setUnauthorizedHandler(() => {
  useSession().reset();
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  void router.replace({ name: 'login', query: { redirect: current.fullPath } });
});

createApp(App).use(router).mount('#app');
