// Prints the ten test files that took longest (collecting and running), with their project, at the
// end of a run: where the test command's time goes. The root vitest config adds it in CI.

/** @implements {import('vitest/node').Reporter} */
export default class SlowestFilesReporter {
  /** @param {ReadonlyArray<import('vitest/node').TestModule>} testModules */
  onTestRunEnd(testModules) {
    const timed = testModules.map((module) => {
      const { collectDuration, duration, setupDuration } = module.diagnostic();
      return {
        seconds: (collectDuration + setupDuration + duration) / 1000,
        name: `${module.project.name}  ${module.relativeModuleId}`,
      };
    });
    timed.sort((a, b) => b.seconds - a.seconds);
    console.log('\nThe slowest ten test files:');
    for (const { seconds, name } of timed.slice(0, 10)) {
      console.log(`${seconds.toFixed(1).padStart(7)} s  ${name}`);
    }
  }
}
