// A vitest setup file for the calendar sweep: records, per test file, whether the project's own
// code (a test or the kit, not a dependency) read the wall clock through `Date.now()` or
// `new Date()`. The sweep runs every file once, then only the files that read the clock at the
// other instants: a file that never reads it means the same on every date.
import { appendFileSync } from 'node:fs';
import { afterAll } from 'vitest';

const report = process.env.SEATS_WALL_CLOCK_PROBE;
const RealDate = globalThis.Date;
let read = false;

function noteRead() {
  if (read) return;
  // The frame that called Date: ours when it sits in the workspace and outside any dependency.
  const caller = (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .find((frame) => !frame.includes('wall-clock-probe'));
  read =
    caller !== undefined &&
    /\/(packages|examples|stories|scripts)\//.test(caller) &&
    !caller.includes('node_modules');
}

class ProbedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) noteRead();
    super(...args);
  }
  static now() {
    noteRead();
    return RealDate.now();
  }
  // Dates made before the swap, or by Node itself, are still dates.
  static [Symbol.hasInstance](value) {
    return value instanceof RealDate;
  }
}

if (report !== undefined) {
  globalThis.Date = ProbedDate;
  // biome-ignore lint/correctness/noEmptyPattern: vitest wants the unused context destructured.
  afterAll(({}, suite) => {
    if (read) appendFileSync(report, `${suite.file?.filepath ?? suite.filepath}\n`);
  });
}
