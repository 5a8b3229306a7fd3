import type { Page } from 'playwright-core';
import {
  layoutFailure,
  layoutProblemsScript,
  layoutThemes,
  layoutWidths,
} from '../../../stories/layout-problems';

/**
 * Checks the page as it is, at each width and colour scheme the stories are checked at, with the
 * same checks: no overlapping or clipped text, nothing scrolling sideways, targets of at least
 * 24 × 24 px inside the screen's width. Throws one error naming the page, the width and scheme,
 * and the texts or elements at fault. With `screenshot`, saves each look there as well.
 */
export async function expectLayoutHolds(
  page: Page,
  name: string,
  screenshot?: (width: number, colorScheme: string) => Promise<unknown>,
): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const failures: string[] = [];
  try {
    for (const width of [...layoutWidths].reverse()) {
      await page.setViewportSize({ width, height: viewport.height });
      for (const colorScheme of layoutThemes) {
        await page.emulateMedia({ colorScheme });
        await screenshot?.(width, colorScheme);
        const problems: string[] = await page.evaluate(layoutProblemsScript);
        if (problems.length > 0)
          failures.push(layoutFailure(`${name} at ${width} px, ${colorScheme}`, problems));
      }
    }
  } finally {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: null });
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
