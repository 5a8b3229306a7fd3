import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe over the whole document (dialogs render in portals) and fails on any violation. */
export async function expectNoAxeViolations(): Promise<void> {
  const results = await axe.run(document.body, {
    // A widget tested alone is not inside the page's landmarks.
    rules: { region: { enabled: false } },
  });
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations).toEqual([]);
}
