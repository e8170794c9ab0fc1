import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

/**
 * Renders every application icon from the one source image, build/icon.svg:
 *   build/icon.png            1024×1024 (electron-builder makes the macOS .icns from it)
 *   build/icons/NxN.png       16…512 for the Linux desktop entry (AppImage, deb)
 *   build/icon.ico            Windows (NSIS installer and the .exe), each size drawn from the vector
 *   renderer/public/favicon.svg  the SVG itself, the browser shell's tab icon
 * The outputs are committed; run `node scripts/generate-icons.mjs` after changing the SVG.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
// Windows shows 16…48 in lists and the taskbar, 256 in large views; 256 is the ICO maximum.
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const MAIN_SIZE = 1024;
export const FAVICON = 'favicon.svg';

export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

/**
 * Writes all icons into outDir (build/ by default) and the favicon into publicDir (the renderer's
 * public/ by default, as FAVICON); returns the paths written in outDir, relative to it.
 */
export async function generateIcons({
  source = path.join(projectRoot, 'build', 'icon.svg'),
  outDir = path.join(projectRoot, 'build'),
  publicDir = path.join(projectRoot, 'renderer', 'public'),
} = {}) {
  const svg = await readFile(source);
  const written = [];
  const write = async (relative, data) => {
    await mkdir(path.dirname(path.join(outDir, relative)), { recursive: true });
    await writeFile(path.join(outDir, relative), data);
    written.push(relative);
  };
  await write('icon.png', renderPng(svg, MAIN_SIZE));
  for (const size of LINUX_SIZES) await write(path.join('icons', `${size}x${size}.png`), renderPng(svg, size));
  await write('icon.ico', await pngToIco(ICO_SIZES.map((size) => renderPng(svg, size))));
  await mkdir(publicDir, { recursive: true });
  await writeFile(path.join(publicDir, FAVICON), svg);
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = await generateIcons();
  console.log(`icons written to build/: ${written.join(', ')}, and renderer/public/${FAVICON}`);
}
