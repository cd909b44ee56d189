/**
 * Draws the two Teams app icons (a round table with six members seen from above) and checks
 * icon files against Teams' rules. `npx tsx manifest/icons.ts` rewrites color.png and outline.png.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

import { notWhiteOrTransparent, unreadablePng, wrongIconSize } from "../texts/manifest.ts";
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
/** Also the manifest's accentColor, so the icon and its tile match. */
export const ACCENT = "#23558F";

type Rgb = [number, number, number];
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  rgb: Rgb;
}

const WHITE: Rgb = [255, 255, 255];
const SUPERSAMPLING = 4; // 4×4 samples per pixel give smooth edges without a graphics library

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx: number, cy: number, inner: number, outer: number): Shape => (x, y) =>
  circle(cx, cy, outer)(x, y) && !circle(cx, cy, inner)(x, y);
const roundedSquare = (size: number, r: number): Shape => (x, y) => {
  const dx = Math.max(r - x, x - (size - r), 0);
  const dy = Math.max(r - y, y - (size - r), 0);
  return dx * dx + dy * dy <= r * r;
};

/** The table as a ring in the middle and six members as dots around it, scaled to `size`. */
function tableWithMembers(size: number): Shape[] {
  const c = size / 2;
  const u = size / 32; // drawn on a 32-unit grid so both sizes share one design
  const members = Array.from({ length: 6 }, (_, i) => {
    const angle = (i * Math.PI) / 3 - Math.PI / 2;
    return circle(c + 11.5 * u * Math.cos(angle), c + 11.5 * u * Math.sin(angle), 3 * u);
  });
  return [ring(c, c, 3.5 * u, 6.5 * u), ...members];
}

/** Renders layers (later ones on top) into an RGBA PNG, averaging sub-pixel samples. */
function render(size: number, layers: Layer[]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = samplePixel(x, y, layers);
      png.data.set([r, g, b, a], (y * size + x) * 4);
    }
  }
  return png;
}

function samplePixel(x: number, y: number, layers: Layer[]): [number, number, number, number] {
  const sum = [0, 0, 0];
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      const px = x + (sx + 0.5) / SUPERSAMPLING;
      const py = y + (sy + 0.5) / SUPERSAMPLING;
      const top = topLayerAt(px, py, layers);
      if (!top) continue;
      top.rgb.forEach((v, i) => (sum[i]! += v));
      hits++;
    }
  }
  // Fully transparent pixels are white too, so the outline icon holds nothing but white.
  if (hits === 0) return [255, 255, 255, 0];
  const alpha = Math.round((255 * hits) / SUPERSAMPLING ** 2);
  const [r, g, b] = sum.map((v) => Math.round(v / hits));
  return [r!, g!, b!, alpha];
}

function topLayerAt(x: number, y: number, layers: Layer[]): Layer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i]!.shape(x, y)) return layers[i];
  return undefined;
}

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The 192×192 colour icon: white symbol on an accent-coloured rounded square. */
export function drawColorIcon(): Buffer {
  const background = { shape: roundedSquare(COLOR_SIZE, 36), rgb: hexToRgb(ACCENT) };
  const symbol = tableWithMembers(COLOR_SIZE * 0.75).map((shape) => ({
    shape: (x: number, y: number) => shape(x - COLOR_SIZE / 8, y - COLOR_SIZE / 8),
    rgb: WHITE,
  }));
  return PNG.sync.write(render(COLOR_SIZE, [background, ...symbol]));
}

/** The 32×32 outline icon: the same symbol, white on transparent. */
export function drawOutlineIcon(): Buffer {
  return PNG.sync.write(render(OUTLINE_SIZE, tableWithMembers(OUTLINE_SIZE).map((shape) => ({ shape, rgb: WHITE }))));
}

/** Problems of an icon file under Teams' rules (size; the outline only white or transparent). */
export function checkIcon(file: string, png: Buffer, kind: "color" | "outline"): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (e) {
    return [unreadablePng(file, (e as Error).message)];
  }
  const size = kind === "color" ? COLOR_SIZE : OUTLINE_SIZE;
  if (image.width !== size || image.height !== size) {
    return [wrongIconSize(file, image.width, image.height, size)];
  }
  if (kind === "outline" && !onlyWhiteOrTransparent(image)) {
    return [notWhiteOrTransparent(file)];
  }
  return [];
}

function onlyWhiteOrTransparent(image: PNG): boolean {
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] !== 0 && (d[i] !== 255 || d[i + 1] !== 255 || d[i + 2] !== 255)) return false;
  }
  return true;
}

/** Writes color.png and outline.png into `dir`. */
export function writeIcons(dir: string): void {
  writeFileSync(`${dir}/color.png`, drawColorIcon());
  writeFileSync(`${dir}/outline.png`, drawOutlineIcon());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeIcons(fileURLToPath(new URL(".", import.meta.url)));
}
