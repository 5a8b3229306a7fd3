/** Writes src/migrations.ts from migrations/*.sql, so a bundled build carries them; --check fails when it is out of date. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMigrations } from '../src/render-migrations';

const folder = fileURLToPath(new URL('../migrations/', import.meta.url));
const target = fileURLToPath(new URL('../src/migrations.ts', import.meta.url));
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => ({ file, sql: readFileSync(`${folder}${file}`, 'utf8') }));
const output = renderMigrations(files);

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== output) {
    console.error(
      'src/migrations.ts is out of date: run `pnpm --filter @seats/server migrations`.',
    );
    process.exit(1);
  }
  console.log('src/migrations.ts is up to date.');
} else {
  writeFileSync(target, output);
  console.log(`wrote ${target}`);
}
