import type { StoryContext } from '@storybook/react-vite';
import { findLayoutProblems, layoutFailure, layoutThemes, layoutWidths } from './layout-problems';

type ResizeViewport = (width: number, height: number) => Promise<unknown>;

let resizeViewport: ResizeViewport | null = null;

/**
 * Lets the layout check resize the page. The test runner passes its own resize; Storybook itself
 * has none, so a designer's canvas is never resized under them and nothing is checked there.
 */
export function allowViewportResize(resize: ResizeViewport): void {
  resizeViewport = resize;
}

/** Resolves once the page has laid itself out at `width`. */
async function settle(width: number): Promise<void> {
  for (let frame = 0; frame < 30 && window.innerWidth !== width; frame++) await nextFrame();
  await nextFrame();
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Checks the rendered story, after its play function, at each width and in each theme (styled
 * stories; an unstyled one has no theme), and throws one error naming the story, the width and
 * theme, and the texts or elements at fault. Only the page is resized and its theme attribute
 * toggled: the story is not rendered again. Leaves the page at its size and theme.
 */
export async function checkStoryLayout(context: StoryContext): Promise<void> {
  if (resizeViewport === null || context.viewMode !== 'story') return;
  const root = document.documentElement;
  const theme = root.dataset.theme;
  const size = { width: window.innerWidth, height: window.innerHeight };
  // The width the story rendered at first, saving a resize.
  const widths = [...layoutWidths].sort(
    (a, b) => Math.abs(a - size.width) - Math.abs(b - size.width),
  );
  const failures: string[] = [];
  try {
    for (const width of widths) {
      if (width !== window.innerWidth) {
        await resizeViewport(width, width < 640 ? 812 : 800);
        await settle(width);
      }
      for (const look of theme === undefined ? ['unstyled'] : layoutThemes) {
        if (theme !== undefined) root.dataset.theme = look;
        const problems = findLayoutProblems();
        const where = `Story "${context.title} › ${context.name}" at ${width} px, ${look}`;
        if (problems.length > 0) failures.push(layoutFailure(where, problems));
      }
    }
  } finally {
    if (theme !== undefined) root.dataset.theme = theme;
    if (window.innerWidth !== size.width) {
      await resizeViewport(size.width, size.height);
      await settle(size.width);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
