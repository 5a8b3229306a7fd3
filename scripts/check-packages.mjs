// publint and @arethetypeswrong/cli on every built package under packages/.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const root = new URL('../packages/', import.meta.url);
let failed = false;
for (const name of readdirSync(root)) {
  const dir = new URL(`${name}/`, root).pathname;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync('pnpm', ['exec', tool, ...args], { cwd: dir, stdio: 'inherit' });
    } catch {
      failed = true;
      console.error(`${tool} failed for packages/${name}`);
    }
  }
}
process.exit(failed ? 1 : 0);
