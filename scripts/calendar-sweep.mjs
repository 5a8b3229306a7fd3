// Runs test projects with the process clock started at awkward instants (libfaketime, Debian's
// `faketime`), so that a test that reads the wall clock, or code that assumes a calendar, fails here
// rather than on the day the calendar turns. Every instant is an offset from the real clock given to
// every process the run starts (FAKETIME="+seconds"), so servers and browsers started by a test
// share the shifted clock, and time still passes. A failure prints the instant and its time zone.
//
//   node scripts/calendar-sweep.mjs [--browser] [--only <name>] [-- <vitest arguments>]
//
// Without `--browser`, the projects that run in Node (core, client, server) at every instant; with
// it, the browser projects (react, react-18, storybook, e2e) at two of them.
import { spawnSync } from 'node:child_process';

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
const browserInstants = new Set(['a billing period that crosses a year', 'Europe springs forward']);
const nodeProjects = ['core', 'client', 'server'];
const browserProjects = ['react', 'react-18', 'storybook', 'e2e'];

const args = process.argv.slice(2);
const separator = args.indexOf('--');
const own = separator === -1 ? args : args.slice(0, separator);
const passed = separator === -1 ? [] : args.slice(separator + 1);
const browser = own.includes('--browser');
const only = own.includes('--only') ? own[own.indexOf('--only') + 1] : undefined;

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
    (!browser || browserInstants.has(instant.name)),
);
const projects = (browser ? browserProjects : nodeProjects).flatMap((name) => ['--project', name]);
const failures = [];
const started = Date.now();
for (const instant of chosen) {
  const offset = Math.round((Date.parse(instant.at) - Date.now()) / 1000);
  const label = `${instant.at} in ${instant.tz} (${instant.name})`;
  console.log(`\n=== calendar sweep: the clock starts at ${label}`);
  const run = spawnSync(
    'faketime',
    ['-f', `${offset >= 0 ? '+' : ''}${offset}`, 'pnpm', 'vitest', 'run', ...projects, ...passed],
    {
      stdio: 'inherit',
      env: { ...process.env, TZ: instant.tz },
    },
  );
  if (run.status !== 0) {
    console.error(`=== calendar sweep: FAILED with the clock started at ${label}`);
    failures.push(label);
  }
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failures.length > 0) {
  console.error(
    `\ncalendar sweep: ${failures.length} of ${chosen.length} instants failed (${minutes} min):`,
  );
  for (const label of failures) console.error(`  ${label}`);
  process.exit(1);
}
console.log(`\ncalendar sweep: ${chosen.length} instants passed (${minutes} min)`);
