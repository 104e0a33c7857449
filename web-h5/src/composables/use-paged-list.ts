import { ref, shallowRef, type Ref } from 'vue';
import { reportApiError } from '@/api/errors';

interface PageOf {
  total: number;
  page_size: number;
  items: unknown[];
}

/**
 * State of an infinitely scrolled `van-list` over one of our paged endpoints: `loadMore` is the
 * list's `@load`, `reset` starts again from page 1 (new search or tab). A stale answer (the search
 * changed while it was on its way) is dropped.
 * @example const list = usePagedList((page) => fetchPeople({ status, q, page }));
 */
export function usePagedList<P extends PageOf>(fetchPage: (page: number) => Promise<P>) {
  type Item = P['items'][number];
  // Items are plain API rows: no deep reactivity needed, and generic refs would unwrap T.
  const items = shallowRef([]) as Ref<Item[]>;
  const last = shallowRef<P | null>(null);
  const loading = ref(false);
  const finished = ref(false);
  const error = ref(false);
  let page = 0;
  let generation = 0;

  async function loadMore(): Promise<void> {
    const mine = generation;
    loading.value = true;
    try {
      const result = await fetchPage(page + 1);
      if (mine !== generation) return;
      page += 1;
      last.value = result;
      items.value = [...items.value, ...result.items];
      finished.value = page * result.page_size >= result.total;
      error.value = false;
    } catch (err) {
      if (mine !== generation) return;
      reportApiError(err);
      error.value = true;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Empties the list and loads page 1 again. */
  async function reset(): Promise<void> {
    generation += 1;
    page = 0;
    items.value = [];
    last.value = null;
    finished.value = false;
    error.value = false;
    await loadMore();
  }

  return { items, last, loading, finished, error, loadMore, reset };
}
