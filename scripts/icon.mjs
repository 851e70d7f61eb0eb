// Renders images/icon.svg to images/icon.png (256×256, transparent corners) with Chromium,
// so the Marketplace icon is drawn from a reviewable source. Needs /usr/bin/chromium
// (installed by `npm run test:e2e`, or `apt-get install chromium`).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true, clip: { x: 0, y: 0, width: 256, height: 256 } });
} finally {
  await browser.close();
}
