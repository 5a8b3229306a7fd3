// Packs every package under packages/ as it is published (pnpm applies `publishConfig`), then
// checks the tarball: publint, @arethetypeswrong/cli, a LICENSE, no `@seats/source` condition
// (it points at src/, which is not published), and `"use client"` on the client entries' files but
// on no file that a server entry (`@seats/react/query`) reaches. attw runs with the node16 profile:
// subpath entries such as `@seats/server/node` need `exports`, which `moduleResolution: "node"`
// (node10) ignores.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** Entries, as paths in the tarball, whose functions a React Server Component calls. */
const serverEntries = {
  '@seats/react': ['dist/query.js', 'dist/query.cjs'],
};
/** Entries, as paths in the tarball, that only client components may run. */
const clientEntries = {
  '@seats/react': ['dist/index.js', 'dist/index.cjs'],
};

const root = new URL('../packages/', import.meta.url);
const out = mkdtempSync(join(tmpdir(), 'seats-pack-'));
let failed = false;
const fail = (message) => {
  failed = true;
  console.error(message);
};

/** The files of the unpacked package that `entry` reaches through relative imports. */
function reachedFiles(unpacked, entry) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const code = readFileSync(join(unpacked, file), 'utf8');
    for (const [, path] of code.matchAll(/(?:from|require\()\s*["'](\.\.?\/[^"']+)["']/g))
      visit(join(dirname(file), path));
  };
  visit(entry);
  return [...reached];
}

const hasDirective = (unpacked, file) =>
  /^(?:\/\/[^\n]*\n|\s)*["']use client["']/.test(readFileSync(join(unpacked, file), 'utf8'));

/** `exports` without the workspace's source condition: what `publishConfig.exports` must say. */
const withoutSource = (value) =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== '@seats/source')
          .map(([key, inner]) => [key, withoutSource(inner)]),
      )
    : value;

try {
  for (const name of readdirSync(root)) {
    const dir = new URL(`${name}/`, root).pathname;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!isDeepStrictEqual(manifest.publishConfig?.exports, withoutSource(manifest.exports)))
      fail(`packages/${name}: publishConfig.exports must be exports without "@seats/source"`);
    const packed = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir })
      .toString()
      .trim()
      .split('\n')
      .at(-1);
    const files = execFileSync('tar', ['-tzf', packed]).toString().split('\n');
    if (!files.includes('package/LICENSE')) fail(`packages/${name}: no LICENSE in the tarball`);
    const published = JSON.parse(
      execFileSync('tar', ['-xzOf', packed, 'package/package.json']).toString(),
    );
    if (JSON.stringify(published.exports).includes('@seats/source'))
      fail(`packages/${name}: the published exports name "@seats/source"`);
    const unpacked = mkdtempSync(join(out, `${name}-`));
    execFileSync('tar', ['-xzf', packed, '-C', unpacked, '--strip-components=1']);
    const serverFiles = new Set();
    for (const entry of serverEntries[manifest.name] ?? [])
      for (const file of reachedFiles(unpacked, entry)) {
        serverFiles.add(file);
        if (hasDirective(unpacked, file))
          fail(`packages/${name}: ${file}, reached from ${entry}, says "use client"`);
      }
    for (const entry of clientEntries[manifest.name] ?? [])
      for (const file of reachedFiles(unpacked, entry))
        if (!serverFiles.has(file) && !hasDirective(unpacked, file))
          fail(`packages/${name}: ${file}, reached from ${entry}, lacks "use client"`);
    for (const [tool, args] of [
      ['publint', ['run', packed, '--strict']],
      ['attw', [packed, '--profile', 'node16', '--format', 'table-flipped']],
    ]) {
      try {
        execFileSync('pnpm', ['exec', tool, ...args], { cwd: dir, stdio: 'inherit' });
      } catch {
        fail(`${tool} failed for packages/${name}`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
