import { ref } from 'vue';
import { closeToast, showDialog, showLoadingToast, showSuccessToast } from 'vant';
import { reportApiError, toastError } from '@/api/errors';
import { requestExport, type ExportLink, type ExportRequest } from '@/api/exports';
import { isWeChat, percentOf } from '@/shared/download';
import { useClipboard } from './use-clipboard';

/** Reads a response body to the end, reporting bytes received so far. */
async function readWithProgress(response: Response, onBytes: (received: number) => void): Promise<Blob> {
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  return new Blob(chunks as BlobPart[], { type });
}

function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  document.body.removeChild(anchor);
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Excel exports from the H5: asks the server for a signed link, then downloads it with a progress
 * toast (from Content-Length) and saves it under its Chinese name. Inside WeChat a dialog offers
 * the link to copy (or to open, which hands the file to WeChat's viewer) instead.
 * @example const { download, busy } = useDownload(); await download({ kind: 'roster', status: 'on_site' });
 */
export function useDownload() {
  const busy = ref(false);
  /** 0–100 while a download with a known size runs, null otherwise. */
  const progress = ref<number | null>(null);
  const { copy } = useClipboard();

  async function handOver(link: ExportLink): Promise<void> {
    try {
      await showDialog({
        title: '请在浏览器中下载',
        message: `微信内无法直接保存文件。请复制下方链接，在手机浏览器中打开下载（${minutesLeft(link)} 分钟内有效）：\n\n${link.url}`,
        messageAlign: 'left',
        confirmButtonText: '复制链接',
        showCancelButton: true,
        cancelButtonText: '直接打开',
        className: 'download-dialog',
      });
      await copy(link.url);
    } catch {
      // 直接打开: WeChat previews the file and offers 用其他应用打开.
      window.location.href = link.url;
    }
  }

  async function fetchAndSave(link: ExportLink): Promise<void> {
    const toast = showLoadingToast({ message: '正在下载…', forbidClick: true, duration: 0, className: 'download-toast' });
    try {
      const response = await fetch(link.url);
      if (!response.ok) throw new Error(await failureMessage(response));
      const total = Number(response.headers.get('content-length')) || null;
      const blob = await readWithProgress(response, (received) => {
        progress.value = percentOf(received, total);
        toast.message = progress.value === null ? `正在下载 ${Math.round(received / 1024)} KB` : `正在下载 ${progress.value}%`;
      });
      closeToast();
      saveBlob(blob, link.filename);
      showSuccessToast({ message: `已下载\n${link.filename}`, className: 'download-done' });
    } catch (err) {
      closeToast();
      toastError(err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : '下载失败，请重试');
    }
  }

  async function download(request: ExportRequest): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    progress.value = 0;
    try {
      let link: ExportLink;
      try {
        link = await requestExport(request);
      } catch (err) {
        reportApiError(err);
        return;
      }
      if (isWeChat(navigator.userAgent)) await handOver(link);
      else await fetchAndSave(link);
    } finally {
      busy.value = false;
      progress.value = null;
    }
  }

  return { download, busy, progress };
}

function minutesLeft(link: ExportLink): number {
  return Math.max(1, Math.round((new Date(link.expiresAt).getTime() - Date.now()) / 60_000));
}

/** The server's Chinese message of a failed download (an expired link), when it sent one. */
async function failureMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
