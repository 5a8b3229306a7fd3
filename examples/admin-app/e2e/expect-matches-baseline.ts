import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Where the committed baselines live, one PNG per look, with `.actual.png` and `.diff.png` beside. */
export const baselineDir = fileURLToPath(new URL('__screenshots__/', import.meta.url));

/** With `SEATS_UPDATE_SCREENSHOTS=1`, every look is written as its new baseline. */
const updating = process.env.SEATS_UPDATE_SCREENSHOTS === '1';

// A colour difference below 0.1 (pixelmatch's scale) and anti-aliased edges are not counted; a
// real change (a colour, a padding, a wrapped line, one changed digit) moves more than a handful.
const threshold = 0.1;
const allowedPixels = 20;

/**
 * Compares `screenshot` with the baseline `<name>.png` and throws with the number of differing
 * pixels when they differ, leaving `<name>.actual.png` and `<name>.diff.png` beside it. Writes the
 * baseline when it is missing (and fails, so that it gets looked at) or when updating.
 */
export function expectMatchesBaseline(screenshot: Buffer, name: string): void {
  mkdirSync(baselineDir, { recursive: true });
  const baselinePath = join(baselineDir, `${name}.png`);
  const actualPath = join(baselineDir, `${name}.actual.png`);
  const diffPath = join(baselineDir, `${name}.diff.png`);
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  if (updating || !existsSync(baselinePath)) {
    writeFileSync(baselinePath, screenshot);
    if (updating) return;
    throw new Error(`${name}: no baseline yet; wrote ${baselinePath}, look at it and commit it.`);
  }
  const baseline = readFileSync(baselinePath);
  if (baseline.equals(screenshot)) return;
  const expected = PNG.sync.read(baseline);
  const actual = PNG.sync.read(screenshot);
  // Compared over the larger of the two sizes, so that a page grown longer shows where.
  const width = Math.max(expected.width, actual.width);
  const height = Math.max(expected.height, actual.height);
  const diff = new PNG({ width, height });
  const differing = pixelmatch(
    padded(expected, width, height),
    padded(actual, width, height),
    diff.data,
    width,
    height,
    { threshold },
  );
  const resized =
    expected.width !== actual.width || expected.height !== actual.height
      ? `, and it is ${actual.width} × ${actual.height} px instead of ${expected.width} × ${expected.height} px`
      : '';
  if (differing > allowedPixels || resized !== '') {
    writeFileSync(actualPath, screenshot);
    writeFileSync(diffPath, PNG.sync.write(diff));
    throw new Error(
      `${name}: ${differing} pixels differ from the baseline (${allowedPixels} allowed)${resized}; ` +
        `see ${name}.actual.png and ${name}.diff.png in ${baselineDir}`,
    );
  }
}

/** The image's pixels on a `width` × `height` canvas, the rest transparent. */
function padded(image: PNG, width: number, height: number): Uint8Array {
  if (image.width === width && image.height === height) return image.data;
  const canvas = new PNG({ width, height });
  PNG.bitblt(image, canvas, 0, 0, image.width, image.height, 0, 0);
  return canvas.data;
}
