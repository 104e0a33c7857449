import type { Directive } from 'vue';

/**
 * Names the file input inside a van-uploader: Vant renders it without a label, so a screen reader
 * (and a test looking for the button 「上传本人照片」) finds an anonymous 「选择文件」. Put it on the
 * van-uploader: `<van-uploader v-file-label="'上传本人照片'" />`.
 */
export const vFileLabel: Directive<HTMLElement, string> = {
  mounted: name,
  updated: name,
};

function name(element: HTMLElement, binding: { value: string }): void {
  for (const input of element.querySelectorAll<HTMLInputElement>('input[type=file]')) {
    input.setAttribute('aria-label', binding.value);
    input.title = binding.value;
  }
}
