import { waitFor } from 'storybook/test';

/**
 * The first element under `root` matching `selector` (e.g. `[data-part="quote"][data-state="ready"]`),
 * once it is rendered. Stories query parts and states rather than text, so that one play function
 * holds in every locale and direction.
 */
export function findPart(
  root: ParentNode,
  selector: string,
  options: { timeout?: number } = {},
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const element = root.querySelector<HTMLElement>(selector);
      if (element === null) throw new Error(`Nothing matches ${selector}`);
      return element;
    },
    { timeout: options.timeout ?? 5_000 },
  );
}

/** The open dialog (rendered in a portal at the end of the page). */
export function findDialog(kind: 'adjust' | 'guard-dialog'): Promise<HTMLElement> {
  return findPart(document.body, `[role="dialog"][data-seats="${kind}"]`);
}
