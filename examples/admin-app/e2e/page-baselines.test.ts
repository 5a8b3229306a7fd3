import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findChromium } from '../../../scripts/chromium.mjs';
import { layoutThemes, layoutWidths } from '../../../stories/layout-problems';
import { expectMatchesBaseline } from './expect-matches-baseline';
import { launchChromium } from './launch-chromium';
import { type AdminApp, startAdminApp } from './start-admin-app';

// The Licences, Users and Billing pages of three demo accounts, each compared at 1280 and 375 px,
// light and dark, with its baseline in __screenshots__. The server's clock starts at a fixed time,
// so dates, periods and prorations read the same on any day.
// The baselines are Debian's Chromium with its fonts: another build draws text differently.
// After an intended change of the look, run this file with SEATS_UPDATE_SCREENSHOTS=1 and look at
// the images before committing them.
const baselineBrowser = '/usr/bin/chromium';
const { executablePath } = await findChromium();
const skip = executablePath !== baselineBrowser;
if (skip)
  console.warn(
    `[seats] page baselines skipped: drawn by ${baselineBrowser}, not ${executablePath}`,
  );

const clockStart = '2026-12-10T09:00:00Z';
const accounts = [
  { label: 'Dazos CRM demo', slug: 'dazos' },
  { label: 'Commusoft demo', slug: 'commusoft' },
  { label: 'factro demo', slug: 'factro' },
];
const pages = ['licences', 'users', 'billing'] as const;

// Nothing moves while a picture is taken, and no caret blinks.
const stillStyle = `*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}`;

/** Waits until the page is drawn in full: no request in flight, fonts loaded, nothing loading. */
async function settle(page: Page, inFlight: () => number): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[aria-busy="true"]') === null &&
      !/Loading|Lädt|…/.test(document.body.textContent ?? ''),
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Network idle: no request for 300 ms, as the page's queries settle.
  let quietSince = Date.now();
  while (Date.now() - quietSince < 300) {
    if (inFlight() > 0) quietSince = Date.now();
    await page.waitForTimeout(50);
  }
}

/** A full-page picture, taken again until two in a row are the same (at most five tries). */
async function stillScreenshot(page: Page): Promise<Buffer> {
  const take = () => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
  let previous = await take();
  for (let tries = 0; tries < 4; tries++) {
    const next = await take();
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the page kept changing between screenshots');
}

describe.skipIf(skip)('the Licences, Users and Billing pages look as their baselines', () => {
  let app: AdminApp;
  let browser: Browser;
  let page: Page;
  let inFlight = 0;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startAdminApp({ clockStart }), launchChromium()]);
    page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    page.setDefaultTimeout(15_000);
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    await page.goto(`${app.url}/#/licences`);
    await page.addStyleTag({ content: stillStyle });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  for (const { label, slug } of accounts)
    it(label, async () => {
      await page.getByRole('combobox', { name: 'Account' }).selectOption({ label });
      const failures: string[] = [];
      for (const name of pages) {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/${name}`);
        for (const width of layoutWidths) {
          await page.setViewportSize({ width, height: 800 });
          for (const colorScheme of layoutThemes) {
            await page.emulateMedia({ colorScheme });
            await settle(page, () => inFlight);
            try {
              expectMatchesBaseline(
                await stillScreenshot(page),
                `${slug}-${name}-${width}-${colorScheme}`,
              );
            } catch (error) {
              failures.push((error as Error).message);
            }
          }
        }
      }
      if (failures.length > 0) {
        failures.push('If the change is intended, run this file with SEATS_UPDATE_SCREENSHOTS=1.');
        throw new Error(failures.join('\n'));
      }
    });
});
