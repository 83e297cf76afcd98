import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { encodeIcns, encodeIco, type SizedPng } from './icon-containers';

/**
 * `npm run icons`: renders resources/icon.svg at every size the packages use and writes
 * resources/icons/<n>x<n>.png (Linux, and the source of the others), resources/icon.ico (Windows)
 * and resources/icon.icns (macOS). Run it after changing the SVG and commit the results; packaging
 * uses the committed files, so a build needs neither a browser nor the network.
 *
 * The SVG is drawn by Chromium (the one the end-to-end tests use), which renders SVG faithfully.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'resources/icon.svg');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function systemChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

async function main(): Promise<void> {
  const svg = await readFile(SOURCE, 'utf8');
  const executablePath = systemChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  const images: SizedPng[] = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
    }
  } finally {
    await browser.close();
  }

  await mkdir(join(ROOT, 'resources/icons'), { recursive: true });
  for (const { size, png } of images) await writeFile(join(ROOT, `resources/icons/${size}x${size}.png`), png);
  await writeFile(join(ROOT, 'resources/icon.ico'), encodeIco(images.filter((i) => ICO_SIZES.includes(i.size))));
  await writeFile(join(ROOT, 'resources/icon.icns'), encodeIcns(images));
  console.log(`Icons written: ${PNG_SIZES.length} PNG sizes, icon.ico, icon.icns (resources/).`);
}

await main();
