/**
 * Turns a rendered card into a phone-style photo of it lying on a desk, optionally degraded the
 * way real uploads are: rotated, out of focus, heavily compressed, unevenly lit, or shot at an
 * angle (a true perspective warp, which sharp lacks, done here on raw pixels).
 */
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { createRng, type Rng } from '../../seeds/random';

export const VARIANTS = ['clean', 'rotated', 'blurred', 'jpeg40', 'uneven-light', 'perspective'] as const;
export type Variant = (typeof VARIANTS)[number];

const PHOTO_WIDTH = 1280;
const PHOTO_HEIGHT = 960;
const CARD_PX = 1000;

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

async function toRaw(image: Sharp): Promise<Raw> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const fromRaw = (raw: Raw): Sharp => sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });

/** A desk: a soft two-colour gradient with grain. */
function desk(rng: Rng): Raw {
  const data = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 4);
  const base = rng.pick([[128, 104, 84], [96, 98, 104], [156, 150, 138], [70, 76, 72]] as const);
  for (let y = 0; y < PHOTO_HEIGHT; y += 1) {
    for (let x = 0; x < PHOTO_WIDTH; x += 1) {
      const shade = 0.85 + 0.25 * (x / PHOTO_WIDTH) * (1 - y / PHOTO_HEIGHT / 2);
      const grain = (rng.next() - 0.5) * 14 + 6 * Math.sin(y / 7 + Math.sin(x / 90) * 3);
      const i = (y * PHOTO_WIDTH + x) * 4;
      for (let c = 0; c < 3; c += 1) data[i + c] = Math.max(0, Math.min(255, (base[c] ?? 128) * shade + grain));
      data[i + 3] = 255;
    }
  }
  return { data, width: PHOTO_WIDTH, height: PHOTO_HEIGHT };
}

/** Solves the 8 homography coefficients mapping `from` quad onto `to` quad. */
function homography(from: readonly [number, number][], to: readonly [number, number][]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const [x, y] = from[i] ?? [0, 0];
    const [u, v] = to[i] ?? [0, 0];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < 8; row += 1) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < 8; row += 1) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < 9; k += 1) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[8]! / row[i]!);
}

/** Warps `card` so its corners land on `corners` (TL, TR, BR, BL) inside a `width`×`height` canvas. */
function perspective(card: Raw, corners: [number, number][], width: number, height: number): Raw {
  const source: [number, number][] = [[0, 0], [card.width, 0], [card.width, card.height], [0, card.height]];
  const h = homography(corners, source); // canvas → card, for inverse mapping
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h as [number, number, number, number, number, number, number, number];
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const w = h6 * x + h7 * y + 1;
      const sx = (h0 * x + h1 * y + h2) / w;
      const sy = (h3 * x + h4 * y + h5) / w;
      if (sx < 0 || sy < 0 || sx >= card.width - 1 || sy >= card.height - 1) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c += 1) {
        const p = (yy: number, xx: number): number => card.data[(yy * card.width + xx) * 4 + c]!;
        data[o + c] = Math.round(
          p(y0, x0) * (1 - fx) * (1 - fy) + p(y0, x0 + 1) * fx * (1 - fy) + p(y0 + 1, x0) * (1 - fx) * fy + p(y0 + 1, x0 + 1) * fx * fy,
        );
      }
    }
  }
  return { data, width, height };
}

/** A soft drop shadow from the card's own outline. */
async function shadowOf(card: Raw): Promise<Buffer> {
  const alpha = await fromRaw(card).extractChannel(3).linear(0.4, 0).toBuffer();
  return sharp({ create: { width: card.width, height: card.height, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .joinChannel(alpha, { raw: { width: card.width, height: card.height, channels: 1 } })
    .blur(9)
    .png()
    .toBuffer();
}

function lightingOverlay(rng: Rng): Buffer {
  const gx = rng.int(55, 85);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_WIDTH}" height="${PHOTO_HEIGHT}">
<defs><linearGradient id="shade" x1="0" y1="0" x2="1" y2="0.3"><stop offset="0" stop-color="#000" stop-opacity="0.5"/><stop offset="0.55" stop-color="#000" stop-opacity="0.08"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>
<radialGradient id="glare" cx="${gx}%" cy="30%" r="32%"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="url(#shade)"/><rect width="100%" height="100%" fill="url(#glare)"/></svg>`);
}

/**
 * A JPEG photo of the card from `cardSvg` in the given variant; `seed` fixes every random choice.
 * @example const jpeg = await cardPhoto(frontSvg(person, 1000), 'perspective', 7);
 */
export async function cardPhoto(cardSvg: string, variant: Variant, seed: number): Promise<Buffer> {
  const rng = createRng(seed);
  let card = await toRaw(sharp(Buffer.from(cardSvg)).resize({ width: CARD_PX }));
  if (variant === 'rotated') {
    const angle = rng.pick([-1, 1]) * rng.float(6, 11);
    card = await toRaw(fromRaw(card).rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } }));
  } else if (variant === 'perspective') {
    const w = card.width + 140;
    const h = card.height + 120;
    const inset = rng.int(70, 110);
    const lift = rng.int(30, 60);
    const corners: [number, number][] = rng.chance(0.5)
      ? [[inset, lift], [w - inset, lift], [w - 10, h - 20], [10, h - 20]] // shot from below the near edge
      : [[20, 10], [w - 40, lift + 40], [w - 30, h - lift - 30], [30, h - 10]]; // turned away on the right
    card = perspective(card, corners, w, h);
  }
  const left = Math.round((PHOTO_WIDTH - card.width) / 2 + rng.int(-40, 40));
  const top = Math.round((PHOTO_HEIGHT - card.height) / 2 + rng.int(-30, 30));
  const layers: OverlayOptions[] = [
    { input: await shadowOf(card), left: left + 10, top: top + 14 },
    { input: card.data, raw: { width: card.width, height: card.height, channels: 4 }, left, top },
  ];
  if (variant === 'uneven-light') layers.push({ input: lightingOverlay(rng), left: 0, top: 0 });
  let photo = fromRaw(desk(rng)).composite(layers).removeAlpha();
  if (variant === 'blurred') photo = sharp(await photo.png().toBuffer()).blur(rng.float(1.8, 2.3));
  return photo.jpeg({ quality: variant === 'jpeg40' ? 40 : 80, mozjpeg: true }).toBuffer();
}
