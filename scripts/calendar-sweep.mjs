// Runs tests with the process clock started at awkward instants (libfaketime, Debian's `faketime`),
// so that a test that reads the wall clock, or code that assumes a calendar, fails here rather than
// on the day the calendar turns. Each instant is an offset from the real clock (FAKETIME="+seconds")
// that every process of the run inherits, so servers and browsers a test starts share the shifted
// clock, and time still passes. A failure prints the instant and its time zone.
//
//   node scripts/calendar-sweep.mjs [--readers <file>] [--browser] [--only <name>]
//
// The node projects (core, client, server, react-node) first run whole at the first instant with
// the wall-clock probe on (scripts/wall-clock-probe.mjs), which lists the files whose own code read
// the clock; the other instants run those files only, since a file that never reads the clock means
// the same on every date. `--readers <file>` takes that list from an earlier run instead (CI probes
// during the README's test command) and runs it at every instant. Processes a test starts are swept
// with it; their own reads are not probed. `--browser` runs the projects that drive Chromium, `e2e`
// (the example app, whose server reads the wall clock) and `react`, at two instants: `react-18` and
// `storybook` run the same handler on the same injected clock as `react`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const instants = [
  { name: 'a billing period that crosses a year', at: '2026-12-15T12:00:00Z', tz: 'UTC' },
  { name: 'the last minutes of a year', at: '2026-12-31T23:50:00Z', tz: 'Pacific/Kiritimati' },
  { name: 'the end of a 31-day month', at: '2027-01-31T23:30:00Z', tz: 'America/Los_Angeles' },
  { name: 'the end of a 28-day month', at: '2027-02-28T23:30:00Z', tz: 'UTC' },
  { name: 'the end of a 30-day month', at: '2027-04-30T23:30:00Z', tz: 'Asia/Kolkata' },
  { name: 'a leap day, the end of a 29-day month', at: '2028-02-29T23:30:00Z', tz: 'UTC' },
  { name: 'Europe springs forward', at: '2027-03-28T00:45:00Z', tz: 'Europe/Berlin' },
  { name: 'Europe falls back', at: '2027-10-31T00:45:00Z', tz: 'Europe/London' },
  { name: 'the US springs forward', at: '2027-03-14T06:45:00Z', tz: 'America/New_York' },
  { name: 'the US falls back', at: '2027-11-07T05:45:00Z', tz: 'America/Chicago' },
];
const browserInstants = ['a billing period that crosses a year', 'Europe springs forward'];
const nodeProjects = ['core', 'client', 'server', 'react-node'];
const browserProjects = ['react', 'e2e'];

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const browser = args.includes('--browser');
const only = option('--only');
const readersFile = option('--readers');

const probe = spawnSync('faketime', ['-f', '+0', 'true']);
if (probe.error !== undefined || probe.status !== 0) {
  console.error(
    'calendar sweep: `faketime` is not installed. On Debian: apt-get install -y faketime',
  );
  process.exit(1);
}

const chosen = instants.filter(
  (instant) =>
    (only === undefined || instant.name.includes(only)) &&
    (!browser || browserInstants.includes(instant.name)),
);
const projectArgs = (names) => names.flatMap((name) => ['--project', name]);
const failures = [];
const started = Date.now();

/** Runs vitest with the clock started at `instant`; true when it passed. */
function runAt(instant, vitestArgs, env = {}) {
  const offset = Math.round((Date.parse(instant.at) - Date.now()) / 1000);
  const label = `${instant.at} in ${instant.tz} (${instant.name})`;
  console.log(`\n=== calendar sweep: the clock starts at ${label}`);
  const run = spawnSync(
    'faketime',
    ['-f', `${offset >= 0 ? '+' : ''}${offset}`, 'pnpm', 'vitest', 'run', ...vitestArgs],
    { stdio: 'inherit', env: { ...process.env, ...env, TZ: instant.tz } },
  );
  if (run.status === 0) return true;
  console.error(`=== calendar sweep: FAILED with the clock started at ${label}`);
  failures.push(label);
  return false;
}

/** The files a probed run listed, once each. */
function readersIn(file) {
  if (!existsSync(file)) return [];
  return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))].sort();
}

if (browser) {
  for (const instant of chosen) runAt(instant, projectArgs(browserProjects));
} else {
  let readers;
  let rest = chosen;
  if (readersFile === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'seats-clock-'));
    const report = join(dir, 'readers');
    const [first] = chosen;
    if (first !== undefined) {
      runAt(first, projectArgs(nodeProjects), { SEATS_WALL_CLOCK_PROBE: report });
      rest = chosen.slice(1);
    }
    readers = readersIn(report);
    rmSync(dir, { recursive: true, force: true });
  } else {
    readers = readersIn(readersFile);
  }
  console.log(`\ncalendar sweep: ${readers.length} test files read the wall clock:`);
  for (const file of readers) console.log(`  ${file}`);
  if (readers.length > 0) {
    for (const instant of rest) runAt(instant, [...projectArgs(nodeProjects), ...readers]);
  }
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failures.length > 0) {
  console.error(`\ncalendar sweep: failed at ${failures.length} instants (${minutes} min):`);
  for (const label of failures) console.error(`  ${label}`);
  process.exit(1);
}
console.log(`\ncalendar sweep: passed at ${chosen.length} instants (${minutes} min)`);
