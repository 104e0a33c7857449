import { showSuccessToast } from 'vant';
import { toastError } from '@/api/errors';

// WeChat's webview on plain http has no async clipboard; the old textarea trick still works there.
function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  document.body.removeChild(area);
  return copied;
}

export function useClipboard() {
  async function copy(text: string): Promise<boolean> {
    let copied = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        copied = true;
      } catch {
        copied = legacyCopy(text);
      }
    } else {
      copied = legacyCopy(text);
    }
    if (copied) showSuccessToast('已复制');
    else toastError('复制失败，请长按手动复制');
    return copied;
  }
  return { copy };
}
