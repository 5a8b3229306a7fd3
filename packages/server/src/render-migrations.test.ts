import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMigrations } from './render-migrations';

describe('embedded migrations', () => {
  it('match the SQL files of migrations/ (run `pnpm --filter @seats/server migrations`)', () => {
    const folder = fileURLToPath(new URL('../migrations/', import.meta.url));
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.sql'))
      .sort()
      .map((file) => ({ file, sql: readFileSync(`${folder}${file}`, 'utf8') }));
    const embedded = readFileSync(
      fileURLToPath(new URL('./migrations.ts', import.meta.url)),
      'utf8',
    );
    expect(files.length).toBeGreaterThan(0);
    expect(embedded).toBe(renderMigrations(files));
  });

  it('refuses a migration file without a version number', () => {
    expect(() => renderMigrations([{ file: 'init.sql', sql: '' }])).toThrow(/NNN_name/);
  });
});
