import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createSeatsClient, type SeatsClient } from '@seats/client';
import type { Page } from 'playwright-core';
import { expectLayoutHolds } from './expect-layout-holds';

const appRoot = fileURLToPath(new URL('..', import.meta.url));

/** Where each flow saves a picture of its end state; CI keeps the folder as an artifact. */
export const screenshotDir = join(appRoot, 'e2e', 'screenshots');

/** The path of a flow's end-state screenshot. */
export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

/**
 * Saves a flow's end state at 1280 px and 375 px, light and dark, as `<name>-<width>-<scheme>.png`,
 * and fails when its layout does not hold there (`expectLayoutHolds`).
 */
export async function captureFlow(page: Page, name: string, fullPage = true): Promise<void> {
  await expectLayoutHolds(page, name, (width, colorScheme) =>
    page.screenshot({ path: screenshotPath(`${name}-${width}-${colorScheme}`), fullPage }),
  );
}

/** A running admin app over its own temporary data folder. */
export interface AdminApp {
  url: string;
  dataDir: string;
  /** A client of the app's Seats API acting as `role` of `accountId`, as the app's switchers do. */
  client(accountId: string, role: string): SeatsClient;
  /** Stops the server; the database is closed and can be opened with `openDatabase`. */
  stop(): Promise<void>;
  /** The app's PGlite database, opened directly once the server has stopped. */
  openDatabase(): Promise<PGlite>;
  /** Stops the server if it runs and deletes its data folder. */
  dispose(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `server.ts` as `pnpm dev` does, on a free port and a fresh data folder, seeded on start. */
export async function startAdminApp(): Promise<AdminApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'seats-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@seats/source', 'server.ts'],
    {
      cwd: appRoot,
      env: { ...process.env, PORT: String(port), SEATS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Never leave a server behind when the test process ends early.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Seats admin example: (http:\/\/\S+?)\/?\s/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited(child);
    clearTimeout(timer);
  };

  return {
    url,
    dataDir,
    stop,
    client: (accountId, role) =>
      createSeatsClient({
        baseUrl: `${url}/api/seats`,
        headers: { 'x-seats-account': accountId, 'x-seats-role': role },
      }),
    async openDatabase() {
      if (child.exitCode === null && child.signalCode === null)
        throw new Error('stop the server before opening its database');
      return PGlite.create(join(dataDir, 'pglite'));
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
