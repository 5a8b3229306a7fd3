/** Where the Chromium that the browser tests drive came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm (@sparticuz/chromium)';

export interface FoundChromium {
  executablePath: string;
  args: string[];
  /** Variables to add to the browser's environment. */
  env: Record<string, string>;
  source: ChromiumSource;
}

/**
 * The Chromium to launch: `CHROMIUM_PATH` if set, else the system's, else the build shipped in
 * the `@sparticuz/chromium` npm package (`SEATS_CHROMIUM=npm` skips the system's).
 */
export function findChromium(): Promise<FoundChromium>;
