/**
 * The two faces of a 第二代居民身份证 as SVG, laid out like the real card (85.6 × 54 mm; the
 * viewBox unit is 0.1 mm): blue item labels, black entries, a portrait on the front, the emblem
 * and title on the back, a pale guilloche background. Text uses Debian's Noto CJK fonts through
 * fontconfig, which is how sharp (librsvg) renders it.
 */
import type { CardIdentity } from './identities';

export const CARD_WIDTH = 856;
export const CARD_HEIGHT = 540;

const LABEL = '#2b5fa6';
const INK = '#151515';
const SANS = `'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif`;
const NUMBER_FONT = `'DejaVu Sans Mono', 'Liberation Mono', monospace`;

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function text(x: number, y: number, content: string, size: number, fill: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-family="${SANS}" font-size="${size}" fill="${fill}" ${extra}>${esc(content)}</text>`;
}

/** Wavy security-print lines, different per face. */
function guilloche(seed: number, colours: readonly string[]): string {
  const paths: string[] = [];
  for (let i = 0; i < 26; i += 1) {
    const colour = colours[i % colours.length] ?? '#cde';
    const amplitude = 8 + ((i * 7 + seed) % 13);
    const period = 90 + ((i * 11 + seed) % 60);
    const y0 = 10 + i * 21;
    const points: string[] = [];
    for (let x = 0; x <= CARD_WIDTH; x += 12) points.push(`${x},${(y0 + amplitude * Math.sin((x + seed * 17 + i * 31) / period * 2 * Math.PI)).toFixed(1)}`);
    paths.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="1.4" opacity="0.55"/>`);
  }
  return paths.join('');
}

function cardFrame(background: string, body: string): string {
  return `<rect x="0" y="0" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="32" ry="32" fill="${background}"/>
<g clip-path="url(#card)">${body}</g>`;
}

function svg(widthPx: number, body: string): string {
  const heightPx = Math.round((widthPx * CARD_HEIGHT) / CARD_WIDTH);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<defs><clipPath id="card"><rect x="0" y="0" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="32" ry="32"/></clipPath>
<radialGradient id="tint" cx="0.35" cy="0.45" r="0.8"><stop offset="0" stop-color="#fbf7ee"/><stop offset="0.6" stop-color="#eef3f4"/><stop offset="1" stop-color="#e4ecf3"/></radialGradient></defs>
${body}</svg>`;
}

/** Splits an address into card lines of at most 11 full-width characters (digits count half). */
export function wrapAddress(address: string, perLine = 11): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of address) {
    const w = /[\x20-\x7e]/.test(char) ? 0.55 : 1;
    if (width + w > perLine) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += char;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}

function portrait(): string {
  return `<g>
<rect x="560" y="64" width="250" height="310" fill="#e9eef2" opacity="0.9"/>
<ellipse cx="685" cy="185" rx="62" ry="78" fill="#6f7479"/>
<path d="M580 374 C590 290 640 268 685 268 C730 268 780 290 790 374 Z" fill="#5b6065"/>
<rect x="655" y="245" width="60" height="40" fill="#6f7479"/>
</g>`;
}

/** 人像面: 姓名, 性别, 民族, 出生, 住址, 公民身份号码 and the portrait. */
export function frontSvg(person: CardIdentity, widthPx: number): string {
  const [year, month, day] = person.birth_date.split('-').map(Number);
  const address = wrapAddress(person.address)
    .map((line, i) => text(150, 296 + i * 42, line, 30, INK))
    .join('');
  const gender = person.gender === 'male' ? '男' : '女';
  const body = cardFrame(
    'url(#tint)',
    `${guilloche(3, ['#c6d8e8', '#e5cfd8', '#cfe2d4'])}
${portrait()}
${text(60, 96, '姓名', 23, LABEL)}${text(150, 98, person.name, 32, INK)}
${text(60, 162, '性别', 23, LABEL)}${text(150, 164, gender, 30, INK)}
${text(290, 162, '民族', 23, LABEL)}${text(380, 164, person.ethnicityLabel, 30, INK)}
${text(60, 228, '出生', 23, LABEL)}${text(150, 230, String(year), 30, INK)}${text(232, 228, '年', 23, LABEL)}
${text(272, 230, String(month), 30, INK)}${text(314, 228, '月', 23, LABEL)}${text(352, 230, String(day), 30, INK)}${text(394, 228, '日', 23, LABEL)}
${text(60, 294, '住址', 23, LABEL)}${address}
${text(60, 470, '公民身份号码', 23, LABEL)}
<text x="292" y="473" font-family="${NUMBER_FONT}" font-size="34" font-weight="bold" letter-spacing="3" fill="${INK}">${person.id_number}</text>`,
  );
  return svg(widthPx, body);
}

function emblem(): string {
  const star = (cx: number, cy: number, r: number): string => {
    const points: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const radius = i % 2 === 0 ? r : r * 0.4;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
    }
    return `<polygon points="${points.join(' ')}" fill="#f2c230"/>`;
  };
  return `<g>
<circle cx="130" cy="125" r="78" fill="#c8262c"/>
<circle cx="130" cy="125" r="78" fill="none" stroke="#f2c230" stroke-width="8"/>
${star(130, 95, 24)}${star(92, 122, 10)}${star(102, 150, 10)}${star(158, 150, 10)}${star(168, 122, 10)}
<rect x="95" y="165" width="70" height="12" fill="#f2c230"/>
</g>`;
}

/** 国徽面: title, 签发机关 and 有效期限 ('2016.05.12-2036.05.12' or '2010.03.01-长期'). */
export function backSvg(person: CardIdentity, widthPx: number): string {
  const dotted = (date: string): string => date.replaceAll('-', '.');
  const validity = `${dotted(person.valid_from)}-${person.valid_to === '长期' ? '长期' : dotted(person.valid_to)}`;
  const body = cardFrame(
    'url(#tint)',
    `${guilloche(11, ['#d4dcea', '#ead5cc', '#d5e6dc'])}
${emblem()}
${text(262, 112, '中华人民共和国', 46, INK, 'letter-spacing="12" font-weight="bold"')}
${text(262, 205, '居民身份证', 68, INK, 'letter-spacing="22" font-weight="bold"')}
${text(168, 420, '签发机关', 23, INK)}${text(300, 422, person.issuing_authority, 28, INK)}
${text(168, 484, '有效期限', 23, INK)}${text(300, 486, validity, 28, INK)}`,
  );
  return svg(widthPx, body);
}
