import { computed, ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { usePagedList } from './use-paged-list';

interface PageOf {
  total: number;
  page_size: number;
  items: unknown[];
}

export interface SearchListOptions<P extends PageOf, F extends string> {
  /** The page's tabs: the URL query key and the values, the first one the default (left out of the URL). */
  filter: { key: string; values: readonly [F, ...F[]] };
  fetch: (params: { q: string; filter: F; page: number }) => Promise<P>;
}

/**
 * A searchable, tabbed, infinitely scrolled list (施工人员, 人脸采集, 劳动合同): the search text and tab
 * live in the URL, so coming back from 编辑/采集/查看 restores them; a new search or tab starts again
 * from page 1. `search` is van-search's @search, `clear` its @clear; `total` counts the current search.
 * @example const list = useSearchList({ filter: { key: 'status', values: ['on_site', 'exited'] }, fetch: ({ q, filter, page }) => fetchPeople({ status: filter, q, page }) });
 */
export function useSearchList<P extends PageOf, F extends string>(options: SearchListOptions<P, F>) {
  const route = useRoute();
  const router = useRouter();
  const { key, values } = options.filter;
  const initial = route.query[key];
  const filter = ref(values.find((value) => value === initial) ?? values[0]) as Ref<F>;
  const q = ref(typeof route.query['q'] === 'string' ? route.query['q'] : '');
  const typed = ref(q.value);

  const list = usePagedList((page) => options.fetch({ q: q.value, filter: filter.value, page }));
  const total = computed(() => list.last.value?.total ?? null);

  function search(): void {
    q.value = typed.value.trim();
  }

  function clear(): void {
    typed.value = '';
    search();
  }

  watch([filter, q], () => {
    void router.replace({ query: { ...(filter.value !== values[0] ? { [key]: filter.value } : {}), ...(q.value ? { q: q.value } : {}) } });
    void list.reset();
  });

  return { ...list, filter, q, typed, total, search, clear };
}
