// Draws the web app's icons (public/icons/*.png) without any image library: a camera lens (the product looks
// after video-surveillance systems) in white on the app's blue. Run `node scripts/draw-icons.mjs` after changing
// it and commit the PNGs; the build only copies them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x6f, 0xeb];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGB PNG of size×size; `maskable` keeps the drawing inside the safe zone (80 % circle) and fills the corners. */
function icon(size, maskable) {
  const scale = maskable ? 0.8 : 1;
  const raw = Buffer.alloc(size * (size * 3 + 1));
  const c = size / 2;
  const corner = maskable ? 0 : size * 0.18;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const dx = (x + 0.5 - c) / (size * scale);
      const dy = (y + 0.5 - c) / (size * scale);
      const r = Math.hypot(dx, dy);
      // rounded square outline for the plain icon: outside the corners is white
      const qx = Math.max(Math.abs(x + 0.5 - c) - (c - corner), 0);
      const qy = Math.max(Math.abs(y + 0.5 - c) - (c - corner), 0);
      const outside = corner > 0 && Math.hypot(qx, qy) > corner;
      let color = BLUE;
      if (outside) color = WHITE;
      else if (r < 0.34 && r > 0.24)
        color = WHITE; // lens ring
      else if (r < 0.14)
        color = WHITE; // pupil
      else if (Math.hypot(dx - 0.05, dy + 0.05) < 0.2 && r >= 0.14 && r <= 0.24) color = BLUE;
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = color[0];
      raw[o + 1] = color[1];
      raw[o + 2] = color[2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(new URL(name, out), icon(size, maskable));
}
