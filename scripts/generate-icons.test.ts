import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAVICON, generateIcons, ICO_SIZES, LINUX_SIZES, MAIN_SIZE } from './generate-icons.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(projectRoot, 'build');
let outDir: string;
let publicDir: string;
let written: string[];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'provincedesk-icons-'));
  publicDir = path.join(outDir, 'public');
  written = await generateIcons({ source: path.join(buildDir, 'icon.svg'), outDir, publicDir });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The sizes an ICO's directory lists (0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1); // type: icon
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
}

describe('generate-icons', () => {
  it('renders every icon at its size', async () => {
    expect(pngSize(await readFile(path.join(outDir, 'icon.png')))).toEqual({ width: MAIN_SIZE, height: MAIN_SIZE });
    for (const size of LINUX_SIZES) {
      expect(pngSize(await readFile(path.join(outDir, 'icons', `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
    expect(icoSizes(await readFile(path.join(outDir, 'icon.ico')))).toEqual(ICO_SIZES);
  });

  it('the committed icons in build/ and the favicon are what build/icon.svg renders to (run the script after editing the SVG)', async () => {
    for (const file of written) {
      const committed = await readFile(path.join(buildDir, file)).catch(() => Buffer.alloc(0));
      expect(committed.equals(await readFile(path.join(outDir, file))), `build/${file} is stale: node scripts/generate-icons.mjs`).toBe(true);
    }
    const favicon = await readFile(path.join(projectRoot, 'renderer', 'public', FAVICON)).catch(() => Buffer.alloc(0));
    expect(favicon.equals(await readFile(path.join(publicDir, FAVICON))), `renderer/public/${FAVICON} is stale: node scripts/generate-icons.mjs`).toBe(true);
  });
});
