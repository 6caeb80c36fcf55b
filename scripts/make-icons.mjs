// Draws the add-in's icons (assets/icon-16/32/64/80.png and logo-300.png) with nothing but
// node:zlib, so the PNGs can be regenerated anywhere: `node scripts/make-icons.mjs`.
// The glyph is a green rounded square holding a white card with a check mark: recognisable at
// 16 px (the check), readable at 80 px (the card's text lines).
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "assets");

const GREEN = [15, 123, 69];
const LIGHT_GREEN = [160, 205, 178];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded rectangle (negative inside), unit coordinates. */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx;
  const qy = Math.abs(y - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from a point to a segment. */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** Colour (RGBA) of the glyph at a unit-square point; small icons drop the text lines. */
function colourAt(x, y, size) {
  if (roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2) > 0) return null;
  const inCard = roundedRect(x, y, 0.22, 0.14, 0.78, 0.86, 0.07) <= 0;
  if (!inCard) return GREEN;
  const stroke = size <= 16 ? 0.075 : 0.055;
  const check = Math.min(segment(x, y, 0.33, 0.58, 0.45, 0.71), segment(x, y, 0.45, 0.71, 0.68, 0.42));
  if (check <= stroke) return GREEN;
  if (size >= 32) {
    const line1 = segment(x, y, 0.32, 0.27, 0.68, 0.27);
    const line2 = segment(x, y, 0.32, 0.38, 0.58, 0.38);
    if (Math.min(line1, line2) <= 0.025) return LIGHT_GREEN;
  }
  return WHITE;
}

/** RGBA pixels with 4×4 supersampling for smooth edges. */
function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha PNG (colour type 6, 8 bits, no interlace, filter 0 on every row). */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
const files = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["logo-300.png", 300],
];
for (const [name, size] of files) {
  const png = encodePng(size, render(size));
  writeFileSync(join(outDir, name), png);
  console.log(`assets/${name}: ${size}×${size}, ${png.length} byte`);
}
