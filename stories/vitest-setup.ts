import { page } from 'vitest/browser';
import { allowViewportResize } from './check-story-layout';

// In the test runner the layout check of every story may resize the page (`.storybook/preview`).
allowViewportResize((width, height) => page.viewport(width, height));
