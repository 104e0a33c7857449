import type { Plugin } from 'postcss';

/**
 * Converts `px` to `vw` for a fixed design width, so both our CSS and Vant's (written for a
 * 375-px phone) scale with the screen. A local plugin instead of a registry package: it is
 * twenty lines and keeps web-h5 free of another build dependency.
 */
export interface PxToVwOptions {
  /** Width of the design draft in px. */
  designWidth: number;
  /** Values at or below this (hairlines) stay in px. */
  minPixelValue?: number;
  /** Digits kept after the decimal point. */
  precision?: number;
}

// Skips px inside quotes and url(...); matches numbers like 12px, .5px, -8px.
const PX = /"[^"]*"|'[^']*'|url\([^)]*\)|(-?\d*\.?\d+)px\b/g;

export function pxToVw({ designWidth, minPixelValue = 1, precision = 5 }: PxToVwOptions): Plugin {
  const convert = (value: string): string =>
    value.replace(PX, (match: string, num: string | undefined) => {
      if (num === undefined) return match;
      const px = Number.parseFloat(num);
      if (Math.abs(px) <= minPixelValue) return match;
      const vw = Number.parseFloat(((px / designWidth) * 100).toFixed(precision));
      return vw === 0 ? '0' : `${vw}vw`;
    });

  return {
    postcssPlugin: 'px-to-vw',
    // Only declarations: @media breakpoints describe the real screen and stay in px.
    Declaration(decl) {
      if (decl.value.includes('px')) decl.value = convert(decl.value);
    },
  };
}
