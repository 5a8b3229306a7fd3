// The Chromium every browser test drives, found the same way by the vitest projects and the
// end-to-end launcher: `CHROMIUM_PATH` if set, else the system's, else the build shipped inside the
// `@sparticuz/chromium` npm package, so `pnpm test` passes on a machine with only Node.js and npm.
// `SEATS_CHROMIUM=npm` skips the system's (CI uses it to prove the npm path).
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const systemCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

// Quiet on a closed network, and able to run as root in a container.
const commonArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The npm build is a headless shell made for machines without a display or a zygote.
const npmArgs = ['--no-zygote', '--use-gl=angle', '--use-angle=swiftshader'];

let found;
let announced = false;

/**
 * The Chromium to launch: `{ executablePath, args, env, source }`, where `source` says where it
 * came from (`CHROMIUM_PATH`, `system` or `npm`). Prints which one once per process.
 */
export async function findChromium() {
  found ??= await locate();
  if (!announced) {
    announced = true;
    console.log(`[seats] browser tests use Chromium from ${found.source}: ${found.executablePath}`);
  }
  return found;
}

async function locate() {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new Error(`CHROMIUM_PATH is set to ${explicit}, but there is no file there.`);
    }
    return { executablePath: explicit, args: commonArgs, env: {}, source: 'CHROMIUM_PATH' };
  }
  if (process.env.SEATS_CHROMIUM !== 'npm') {
    const system = systemCandidates.find((path) => existsSync(path));
    if (system) return { executablePath: system, args: commonArgs, env: {}, source: 'system' };
  }
  return {
    executablePath: await extractNpmChromium(),
    args: [...commonArgs, ...npmArgs],
    // The build's own fonts, so pages render the same on a machine with no fonts installed.
    env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts') },
    source: 'npm (@sparticuz/chromium)',
  };
}

// The package extracts into the temporary folder and trusts whatever it finds there, so the
// vitest projects and test files that start at once take turns, and a half-written extraction
// (a killed process) is redone.
async function extractNpmChromium() {
  const { default: chromium } = await import('@sparticuz/chromium');
  const lock = join(tmpdir(), 'seats-chromium.lock');
  const ready = join(tmpdir(), 'seats-chromium.ready');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > 120_000) {
        rmSync(lock, { recursive: true, force: true });
      } else if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for another process extracting Chromium (${lock}).`);
      }
      await sleep(200);
    }
  }
  try {
    if (!existsSync(ready)) {
      for (const name of ['chromium', 'fonts', 'libEGL.so', 'libGLESv2.so']) {
        rmSync(join(tmpdir(), name), { recursive: true, force: true });
      }
    }
    const executablePath = await chromium.executablePath();
    writeFileSync(ready, executablePath);
    return executablePath;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
