/**
 * Pixel measurements on a decoded RGB photo around a face the model found: brightness, sharpness,
 * covered eyes or mouth, glasses, a hat, and the frame of a card or screen around the face. Pure
 * functions on `{ data: Uint8Array (RGB), width, height }` and plain points; no model, no I/O.
 */

/** @typedef {{ data: Uint8Array, width: number, height: number }} Rgb */
/** @typedef {{ x0: number, y0: number, x1: number, y1: number }} Rect */

const luma = (r, g, b) => 0.299 * r + 0.587 * g + 0.114 * b;
const chromaB = (r, g, b) => 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
const chromaR = (r, g, b) => 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** @returns {Rect} `rect` cut to the image, integer pixels. */
export function clampRect(img, rect) {
  return {
    x0: Math.max(0, Math.min(img.width, Math.floor(rect.x0))),
    y0: Math.max(0, Math.min(img.height, Math.floor(rect.y0))),
    x1: Math.max(0, Math.min(img.width, Math.ceil(rect.x1))),
    y1: Math.max(0, Math.min(img.height, Math.ceil(rect.y1))),
  };
}

/** The bounding rectangle of points, grown by `pad` × its size on each side. */
export function boundsOf(points, pad = 0) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  return { x0: x0 - (x1 - x0) * pad, x1: x1 + (x1 - x0) * pad, y0: y0 - (y1 - y0) * pad, y1: y1 + (y1 - y0) * pad };
}

/** Luma, chroma and saturation samples of the pixels inside `rect`. */
function samples(img, rect) {
  const r0 = clampRect(img, rect);
  const out = { y: [], cb: [], cr: [], s: [] };
  for (let y = r0.y0; y < r0.y1; y++) {
    for (let x = r0.x0; x < r0.x1; x++) {
      const i = (y * img.width + x) * 3;
      const r = img.data[i];
      const g = img.data[i + 1];
      const b = img.data[i + 2];
      const max = Math.max(r, g, b);
      out.y.push(luma(r, g, b));
      out.cb.push(chromaB(r, g, b));
      out.cr.push(chromaR(r, g, b));
      out.s.push(max === 0 ? 0 : (max - Math.min(r, g, b)) / max);
    }
  }
  return out;
}

const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
function quantile(values, q) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}
function std(values) {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/**
 * Face landmarks in image pixels, named by what the measurements need (from Human's mesh).
 * @param {Record<string, number[][]>} annotations Human's `face.annotations`
 */
export function faceGeometry(annotations) {
  const silhouette = boundsOf(annotations.silhouette);
  const leftEye = boundsOf([...annotations.leftEyeUpper0, ...annotations.leftEyeLower0]);
  const rightEye = boundsOf([...annotations.rightEyeUpper0, ...annotations.rightEyeLower0]);
  const brows = boundsOf([...annotations.leftEyebrowUpper, ...annotations.rightEyebrowUpper]);
  const lips = boundsOf([...annotations.lipsUpperOuter, ...annotations.lipsLowerOuter]);
  const nose = annotations.noseBottom[0];
  const between = annotations.midwayBetweenEyes[0];
  return { silhouette, leftEye, rightEye, brows, lips, nose, between };
}

/**
 * The skin colour of this face, pooled from the patches that a mask, a hat, a fringe, glasses and
 * a beard rarely cover all at once: just above the brows, the root of the nose between the eyes,
 * and just below each eye. Median chroma and median luma.
 */
export function skinReference(img, geo) {
  const f = geo.silhouette;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  const gap = geo.leftEye.x0 - geo.rightEye.x1;
  const midX = (geo.rightEye.x1 + geo.leftEye.x0) / 2;
  const under = (eye) => {
    const w = eye.x1 - eye.x0;
    return { x0: eye.x0 + 0.2 * w, x1: eye.x1 - 0.2 * w, y0: eye.y1 + 0.04 * fh, y1: eye.y1 + 0.1 * fh };
  };
  const patches = [
    { x0: midX - 0.15 * fw, x1: midX + 0.15 * fw, y0: geo.brows.y0 - 0.1 * fh, y1: geo.brows.y0 - 0.02 * fh },
    { x0: geo.rightEye.x1 + 0.2 * gap, x1: geo.leftEye.x0 - 0.2 * gap, y0: Math.min(geo.leftEye.y0, geo.rightEye.y0), y1: Math.max(geo.leftEye.y1, geo.rightEye.y1) },
    under(geo.leftEye),
    under(geo.rightEye),
  ].map((rect) => samples(img, rect));
  const pool = (key) => patches.flatMap((p) => p[key]);
  return { cb: quantile(pool('cb'), 0.5), cr: quantile(pool('cr'), 0.5), y: quantile(pool('y'), 0.5) };
}

/** Mean luma (0–255) of the inner face. */
export function faceBrightness(img, geo) {
  const f = geo.silhouette;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  return round(mean(samples(img, { x0: f.x0 + 0.15 * fw, x1: f.x1 - 0.15 * fw, y0: f.y0 + 0.1 * fh, y1: f.y1 - 0.1 * fh }).y), 1);
}

/**
 * Sharpness of a square grey face crop (already resized to a fixed size, so the figure does not
 * depend on the photo's resolution): the spread of the Laplacian relative to the spread of the
 * grey levels, so a dim but sharp face is not called blurred.
 * @param {{ data: Uint8Array, width: number, height: number }} grey one channel
 */
export function sharpness(grey) {
  const { data, width, height } = grey;
  const lap = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      lap.push(4 * data[i] - data[i - 1] - data[i + 1] - data[i - width] - data[i + width]);
    }
  }
  const contrast = std(Array.from(data));
  return { laplacian: round(std(lap), 2), contrast: round(contrast, 2), ratio: round(contrast > 0 ? std(lap) / contrast : 0) };
}

/**
 * How visible each eye is: the spread of luma inside the eye (white, iris, lashes) relative to
 * the skin's luma, and the eye's mean luma relative to the skin (dark lenses). Covered eyes have
 * no spread; sunglasses are dark and flat.
 */
export function eyeVisibility(img, geo, skin) {
  const eye = (rect) => {
    const s = samples(img, boundsOf([[rect.x0, rect.y0], [rect.x1, rect.y1]], 0.1));
    return { detail: (quantile(s.y, 0.9) - quantile(s.y, 0.1)) / Math.max(skin.y, 1), brightness: mean(s.y) / Math.max(skin.y, 1) };
  };
  const left = eye(geo.leftEye);
  const right = eye(geo.rightEye);
  return { detail: round(Math.min(left.detail, right.detail)), brightness: round(Math.min(left.brightness, right.brightness)) };
}

/**
 * The mouth-and-chin area (the lips themselves left out: lipstick is not a mask) against the skin
 * reference: how far its median colour is from the skin's (a blue mask), how much colour it keeps
 * relative to the skin (white, grey and black masks have none) and how bright it is relative to it.
 */
export function lowerFace(img, geo, skin) {
  const f = geo.silhouette;
  const fh = f.y1 - f.y0;
  const fw = f.x1 - f.x0;
  const region = clampRect(img, { x0: geo.lips.x0 - 0.08 * fw, x1: geo.lips.x1 + 0.08 * fw, y0: geo.nose[1] + 0.02 * fh, y1: f.y1 - 0.04 * fh });
  const lips = clampRect(img, geo.lips);
  const cb = [];
  const cr = [];
  const y = [];
  for (let row = region.y0; row < region.y1; row++) {
    for (let col = region.x0; col < region.x1; col++) {
      if (col >= lips.x0 && col < lips.x1 && row >= lips.y0 && row < lips.y1) continue;
      const i = (row * img.width + col) * 3;
      const r = img.data[i];
      const g = img.data[i + 1];
      const b = img.data[i + 2];
      cb.push(chromaB(r, g, b));
      cr.push(chromaR(r, g, b));
      y.push(luma(r, g, b));
    }
  }
  if (!y.length) return { distance: 0, chroma: 1, luma: 1 };
  const mcb = quantile(cb, 0.5);
  const mcr = quantile(cr, 0.5);
  const skinChroma = Math.hypot(skin.cb - 128, skin.cr - 128);
  return {
    distance: round(Math.hypot(mcb - skin.cb, mcr - skin.cr), 1),
    chroma: round(Math.hypot(mcb - 128, mcr - 128) / Math.max(skinChroma, 1), 2),
    luma: round(quantile(y, 0.5) / Math.max(skin.y, 1), 2),
  };
}

/**
 * Glasses: a frame's bridge crosses the nose between the eyes as one unbroken horizontal edge.
 * For each row of the strip between the eyes (below the brows), the share of its columns with a
 * strong vertical luma step; the best row's share (0–1).
 */
export function glassesBridge(img, geo, skin) {
  const f = geo.silhouette;
  const fh = f.y1 - f.y0;
  const gap = geo.leftEye.x0 - geo.rightEye.x1;
  const r = clampRect(img, {
    x0: geo.rightEye.x1 + 0.2 * gap,
    x1: geo.leftEye.x0 - 0.2 * gap,
    y0: Math.min(geo.leftEye.y0, geo.rightEye.y0) - 0.03 * fh,
    y1: Math.max(geo.leftEye.y1, geo.rightEye.y1),
  });
  const step = Math.max(1, Math.round(fh / 60));
  const minStep = Math.max(0.12 * skin.y, 12);
  const at = (x, y) => {
    const i = (y * img.width + x) * 3;
    return luma(img.data[i], img.data[i + 1], img.data[i + 2]);
  };
  let best = 0;
  for (let y = Math.max(r.y0, step); y < Math.min(r.y1, img.height - step); y++) {
    let strong = 0;
    for (let x = r.x0; x < r.x1; x++) if (Math.abs(at(x, y + step) - at(x, y - step)) > minStep) strong++;
    if (r.x1 > r.x0) best = Math.max(best, strong / (r.x1 - r.x0));
  }
  return round(best);
}

/**
 * A hat or helmet: the band just above the forehead is hair or scalp on a bare head. Share of
 * pixels there that are strongly coloured and not skin (helmets: yellow, red, blue, orange) or
 * flat bright white (white helmets, caps).
 */
export function hatBand(img, geo, skin, radius) {
  const f = geo.silhouette;
  const fh = f.y1 - f.y0;
  const fw = f.x1 - f.x0;
  const midX = (f.x0 + f.x1) / 2;
  const s = samples(img, { x0: midX - 0.3 * fw, x1: midX + 0.3 * fw, y0: f.y0 - 0.22 * fh, y1: f.y0 - 0.02 * fh });
  if (!s.y.length) return 0;
  let n = 0;
  for (let i = 0; i < s.y.length; i++) {
    const skinLike = Math.hypot(s.cb[i] - skin.cb, s.cr[i] - skin.cr) <= radius;
    if ((s.s[i] > 0.6 && s.y[i] > 60 && !skinLike) || (s.y[i] > 225 && s.s[i] < 0.1)) n++;
  }
  return round(n / s.y.length);
}

/** Luma plane of the image. */
function lumaPlane(img) {
  const plane = new Float32Array(img.width * img.height);
  for (let i = 0, j = 0; i < plane.length; i++, j += 3) plane[i] = luma(img.data[j], img.data[j + 1], img.data[j + 2]);
  return plane;
}

const TILTS = [-9, -6, -3, 0, 3, 6, 9].map((d) => Math.tan((d * Math.PI) / 180));

/**
 * The best straight edge among lines crossing `span` (along the line) at offsets `from`…`to`
 * (across it), tilted up to ±9°: the share of the span where the line has a luma step > `step`.
 * `vertical` lines run down the rows; otherwise along the columns. Lines and points along them are
 * sampled every `stride` px (the step is looked for ±2 px around each point, so strides up to 4 lose nothing).
 */
function bestLine(plane, img, vertical, span, from, to, step, stride) {
  const [s0, s1] = span;
  if (s1 - s0 < 8) return 0;
  const mid = (s0 + s1) / 2;
  const at = (a, b) => (vertical ? plane[b * img.width + a] : plane[a * img.width + b]);
  const across = vertical ? img.width : img.height;
  let best = 0;
  for (const tilt of TILTS) {
    for (let o = Math.max(2, Math.round(from)); o <= Math.min(across - 3, Math.round(to)); o += stride) {
      let hits = 0;
      let points = 0;
      for (let t = s0; t < s1; t += stride) {
        points++;
        const c = Math.round(o + (t - mid) * tilt);
        if (c < 2 || c > across - 3) continue;
        const d = Math.max(Math.abs(at(c + 1, t) - at(c - 1, t)), Math.abs(at(c + 2, t) - at(c, t)), Math.abs(at(c, t) - at(c - 2, t)));
        if (d > step) hits++;
      }
      best = Math.max(best, hits / points);
    }
  }
  return best;
}

/**
 * The edges of a card or a screen around the face: for each side (left, right, above, below) the
 * best straight, long, contrasty line there, as the share (0–1) of its length that is an edge.
 * A person photographed in a room rarely has all four; a photographed ID card or phone has.
 */
export function frameAround(img, geo) {
  const plane = lumaPlane(img);
  const f = geo.silhouette;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  const step = 24;
  const stride = Math.max(1, Math.min(4, Math.round(Math.min(fw, fh) / 50)));
  const rows = [Math.max(2, Math.round(f.y0 - 0.8 * fh)), Math.min(img.height - 3, Math.round(f.y1 + 0.8 * fh))];
  const cols = [Math.max(2, Math.round(f.x0 - 0.8 * fw)), Math.min(img.width - 3, Math.round(f.x1 + 0.8 * fw))];
  const sides = {
    left: bestLine(plane, img, true, rows, f.x0 - 3 * fw, f.x0 - 0.2 * fw, step, stride),
    right: bestLine(plane, img, true, rows, f.x1 + 0.2 * fw, f.x1 + 3 * fw, step, stride),
    above: bestLine(plane, img, false, cols, f.y0 - 3 * fh, f.y0 - 0.4 * fh, step, stride),
    below: bestLine(plane, img, false, cols, f.y1 + 0.2 * fh, f.y1 + 3 * fh, step, stride),
  };
  return Object.fromEntries(Object.entries(sides).map(([side, value]) => [side, round(value, 2)]));
}
