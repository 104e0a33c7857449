/**
 * Opening one private photo of a record through the audited viewer (POST /platform/studio/files):
 * asks the record's reason first when the photo is sensitive (once per record and page), then
 * shows the image from memory. Each opening is one audit row on the server.
 */
import { useApi } from '@directus/extensions-sdk';
import { onBeforeUnmount, ref } from 'vue';
import { auditWrites, reasonKey, viewReasons } from './requests';

export interface PhotoRequest {
  collection: string;
  id: string | number;
  field: string;
  file?: string;
  sensitive: boolean;
}

export function usePhotoViewer() {
  const api = useApi();
  const urls = ref<Record<string, string>>({});
  const busy = ref<string | null>(null);
  const error = ref<string | null>(null);
  const asking = ref<PhotoRequest | null>(null);

  const keyOf = (request: PhotoRequest) => `${request.field}:${request.file ?? ''}`;

  async function open(request: PhotoRequest, reason?: string): Promise<void> {
    const known = reason ?? viewReasons.get(reasonKey(request.collection, request.id));
    if (request.sensitive && !known) {
      asking.value = request;
      return;
    }
    busy.value = keyOf(request);
    error.value = null;
    try {
      const body = { collection: request.collection, id: request.id, field: request.field, ...(request.file ? { file: request.file } : {}), ...(known ? { reason: known } : {}) };
      const { data } = await api.post('/platform/studio/files', body, { responseType: 'blob' });
      if (known) viewReasons.set(reasonKey(request.collection, request.id), known);
      urls.value = { ...urls.value, [keyOf(request)]: URL.createObjectURL(data as Blob) };
      auditWrites.value += 1;
      asking.value = null;
    } catch (err) {
      error.value = await blobErrorMessage(err);
    } finally {
      busy.value = null;
    }
  }

  function close(request: PhotoRequest): void {
    const key = keyOf(request);
    const url = urls.value[key];
    if (url) URL.revokeObjectURL(url);
    const { [key]: _closed, ...rest } = urls.value;
    urls.value = rest;
  }

  onBeforeUnmount(() => Object.values(urls.value).forEach((url) => URL.revokeObjectURL(url)));
  return { urls, busy, error, asking, open, close, keyOf };
}

/** A failed blob request's Chinese message (the error body arrives as a Blob too). */
async function blobErrorMessage(err: unknown): Promise<string> {
  const data = (err as { response?: { data?: unknown; status?: number } })?.response?.data;
  try {
    const text = data instanceof Blob ? await data.text() : '';
    const message = JSON.parse(text)?.errors?.[0]?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON
  }
  return '照片打开失败，请稍后重试';
}
