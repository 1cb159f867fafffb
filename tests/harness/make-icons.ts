/**
 * Writes public/icon/{16,32,48,128}.png: a green rounded square with a white rupee-like mark.
 * Drawn here rather than shipped from elsewhere; run `npx tsx tests/harness/make-icons.ts` to redo.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT } from './paths';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  const r = size * 0.2;
  const inside = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, r), size - 1 - r);
    const cy = Math.min(Math.max(y, r), size - 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // "Rs" reduced to a bold white R-like mark: a vertical bar, a bowl and a leg.
  const u = size / 16;
  const mark = (x: number, y: number) => {
    const gx = x / u;
    const gy = y / u;
    const bar = gx >= 4.5 && gx < 6.5 && gy >= 3.5 && gy < 12.5;
    const bowl =
      gy >= 3.5 &&
      gy < 8.5 &&
      gx >= 4.5 &&
      gx < 11 &&
      !(gx >= 6.5 && gx < 9.2 && gy >= 5.3 && gy < 6.7) &&
      (gx - 9) ** 2 / 4 + (gy - 6) ** 2 / 6.5 <= 1.6;
    const top = gy >= 3.5 && gy < 5.3 && gx >= 4.5 && gx < 9.5;
    const mid = gy >= 6.7 && gy < 8.5 && gx >= 4.5 && gx < 9.5;
    const leg = gy >= 8.5 && gy < 12.5 && Math.abs(gx - (7.5 + (gy - 8.5) * 0.8)) < 1.1;
    return bar || bowl || top || mid || leg;
  };
  const image = png(size, (x, y) =>
    !inside(x, y) ? [0, 0, 0, 0] : mark(x, y) ? [255, 255, 255, 255] : [11, 110, 79, 255],
  );
  writeFileSync(join(ROOT, 'public/icon', `${size}.png`), image);
}
console.log('icons written');
