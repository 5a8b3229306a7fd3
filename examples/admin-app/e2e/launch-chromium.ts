import { type Browser, chromium } from 'playwright-core';
import { findChromium } from '../../../scripts/chromium.mjs';

/** Headless Chromium, found as every browser test finds it (`CHROMIUM_PATH`, system, npm). */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args, env } = await findChromium();
  return chromium.launch({ executablePath, headless: true, args, env: { ...process.env, ...env } });
}
