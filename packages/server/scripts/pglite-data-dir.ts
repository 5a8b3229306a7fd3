/**
 * Writes pglite/initdb-<version>.tar.gz: the data folder initdb writes for the installed PGlite,
 * from which the store starts a new database (see `preparedDataDir`). Run it after upgrading
 * PGlite; --check fails when the file for the installed version is missing.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pgliteVersion, preparedDataDirName } from '../src/create-pglite-store';

const folder = fileURLToPath(new URL('../pglite/', import.meta.url));
const version = pgliteVersion();
if (version === undefined) throw new Error('the installed PGlite has no readable version');
const name = preparedDataDirName(version);

if (process.argv.includes('--check')) {
  if (!readdirSync(folder).includes(name)) {
    console.error(
      `pglite/${name} is missing: run \`pnpm --filter @seats/server pglite-data-dir\`.`,
    );
    process.exit(1);
  }
  console.log(`pglite/${name} is present.`);
} else {
  const db = await PGlite.create();
  // A checkpoint first, so that a database started from the folder has no WAL to replay.
  await db.exec('CHECKPOINT');
  const tarball = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
  await db.close();
  for (const file of readdirSync(folder)) rmSync(`${folder}${file}`);
  writeFileSync(`${folder}${name}`, tarball);
  console.log(`wrote pglite/${name} (${tarball.length} bytes)`);
}
