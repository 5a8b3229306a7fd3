/**
 * Layout invariants that hold on every screen of the kit and of a host, at any width and theme:
 * no two texts overlap, no text is clipped by its box, nothing scrolls sideways, and every control
 * is a target of at least 24 × 24 px lying wholly inside the screen's width.
 *
 * The stories call `findLayoutProblems` in their page; a Playwright test sends the same functions
 * to its page as `layoutProblemsScript`. So the functions below import nothing and refer to no
 * module-level value but one another.
 *
 * Exceptions are rules, not lists: text hidden visually (a box of at most 1 px that clips, or
 * `clip-path: inset(50%)`) is not checked; text inside a scroll container may run past its box,
 * only not sideways; while a modal dialog is open only the dialog counts, the page behind it
 * being inert; text under an opaque box where it overlaps another does not count; an ellipsis
 * is intended where an ancestor has a `title` (the whole text on hover); a radio or checkbox
 * counts its label as its target; and WCAG 2.5.8's own exceptions hold for targets (inline in a
 * sentence, spaced apart, or sized by the browser with no author style).
 */

/** The widths (px) every screen is checked at: a phone and a laptop. */
export const layoutWidths = [375, 1280] as const;

/** The themes every screen is checked in. */
export const layoutThemes = ['light', 'dark'] as const;

/** Joins what was found on one screen into one message that says where it was found. */
export function layoutFailure(where: string, problems: string[]): string {
  const shown = problems.slice(0, 8);
  const more = problems.length - shown.length;
  return [
    `${where}: the layout does not hold`,
    ...shown.map((problem) => `  - ${problem}`),
    ...(more > 0 ? [`  - and ${more} more`] : []),
  ].join('\n');
}

/** A rectangle in viewport pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One drawn line box of a text node: as laid out, and the part of it that can be seen. */
interface Line {
  node: Text;
  raw: Box;
  visible: Box;
}

/** The page as measured once, with what every check needs. */
type Layout = ReturnType<typeof measureLayout>;

/** Every layout problem on the page as it is now, each a sentence naming the texts or the element. */
export function findLayoutProblems(): string[] {
  const layout = measureLayout();
  return [
    ...clippedTexts(layout),
    ...overlappingTexts(layout),
    ...sidewaysScrolls(layout),
    ...badTargets(layout),
  ];
}

/** The same check as a script for a page that does not load this module (Playwright's `evaluate`). */
export const layoutProblemsScript = `(() => {
// A compiler that keeps function names (esbuild's keepNames, as tsx runs it) calls __name.
var __name = (target) => target;
${[measureLayout, clippedTexts, overlappingTexts, sidewaysScrolls, badTargets, findLayoutProblems].map(String).join('\n')}
return findLayoutProblems();
})()`;

/** Measures the page once: its lines of text, and the styles, clips and names the checks share. */
function measureLayout() {
  const root = document.documentElement;
  const viewport: Box = { left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight };
  const unbounded: Box = { left: -1e6, top: -1e6, right: 1e6, bottom: 1e6 };
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (element: Element) => {
    const known = styles.get(element) ?? getComputedStyle(element);
    styles.set(element, known);
    return known;
  };
  const box = (element: Element | Range | DOMRect): Box => {
    const { left, top, right, bottom } =
      element instanceof DOMRect ? element : element.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const quote = (text: string) => {
    const words = text.replace(/\s+/g, ' ').trim();
    return `"${words.length > 48 ? `${words.slice(0, 47)}…` : words}"`;
  };
  const describe = (element: Element) => {
    const attributes = ['data-seats', 'data-part', 'role', 'type', 'class']
      .map((name) => [name, element.getAttribute(name)] as const)
      .filter(([, value]) => value !== null && value !== '')
      .slice(0, 2)
      .map(([name, value]) => `[${name}="${value}"]`)
      .join('');
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
    return `${element.tagName.toLowerCase()}${attributes}${label === '' ? '' : ` ${quote(label)}`}`;
  };

  const hidden = new Map<Element, boolean>();
  /** Not drawn, or hidden visually by design (the screen-reader-only pattern). */
  const isHidden = (element: Element): boolean => {
    const known = hidden.get(element);
    if (known !== undefined) return known;
    const css = style(element);
    const { width, height } = element.getBoundingClientRect();
    const clips = css.overflowX !== 'visible' || css.overflowY !== 'visible';
    const result =
      !element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ||
      css.clipPath.startsWith('inset(50%') ||
      (clips && (width <= 1 || height <= 1)) ||
      (element.parentElement !== null && isHidden(element.parentElement));
    hidden.set(element, result);
    return result;
  };

  const clips = new Map<Element, { hard: Box; all: Box }>();
  /**
   * Where the element's content can be seen: `hard` is cut by the boxes that hide what overflows
   * them, `all` by scroll containers too. A fixed box escapes its ancestors' clipping.
   */
  const clipOf = (element: Element): { hard: Box; all: Box } => {
    const known = clips.get(element);
    if (known !== undefined) return known;
    const css = style(element);
    const parent = element.parentElement;
    const outer =
      parent === null || css.position === 'fixed'
        ? { hard: unbounded, all: unbounded }
        : clipOf(parent);
    const own = box(element);
    const cut = (clip: Box, kinds: string[]) => {
      const x = kinds.includes(css.overflowX);
      const y = kinds.includes(css.overflowY);
      return {
        left: x ? Math.max(clip.left, own.left) : clip.left,
        right: x ? Math.min(clip.right, own.right) : clip.right,
        top: y ? Math.max(clip.top, own.top) : clip.top,
        bottom: y ? Math.min(clip.bottom, own.bottom) : clip.bottom,
      };
    };
    const result =
      element === root || element === document.body
        ? outer
        : {
            hard: cut(outer.hard, ['hidden', 'clip']),
            all: cut(outer.all, ['hidden', 'clip', 'auto', 'scroll']),
          };
    clips.set(element, result);
    return result;
  };

  // While a modal dialog is open, the rest of the page lies behind it, inert: only the dialog counts.
  const modals = [...document.querySelectorAll('[aria-modal="true"], dialog:modal')];
  const scope = modals.filter((modal) => !isHidden(modal)).at(-1) ?? document.body;

  // Every drawn line of text, as laid out and as much of it as can be seen.
  const lines: Line[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || (node.textContent ?? '').trim() === '') continue;
    if (parent.closest('script, style, noscript, template, option') !== null) continue;
    if (isHidden(parent)) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      const raw = box(rect);
      const visible = intersect(raw, clipOf(parent).all);
      if (visible.right > visible.left && visible.bottom > visible.top)
        lines.push({ node: node as Text, raw, visible });
    }
  }
  return { root, scope, viewport, lines, style, box, intersect, quote, describe, isHidden, clipOf };
}

/** Text that a box hiding its overflow cuts off (an ellipsis without a `title` included). */
function clippedTexts(layout: Layout): string[] {
  const { scope, lines, clipOf, style, quote, describe, isHidden } = layout;
  const problems: string[] = [];
  const reported = new Set<Element>();
  for (const line of lines) {
    const parent = line.node.parentElement as Element;
    const hard = clipOf(parent).hard;
    const past = Math.max(
      hard.left - line.raw.left,
      line.raw.right - hard.right,
      hard.top - line.raw.top,
      line.raw.bottom - hard.bottom,
    );
    const intended =
      style(parent).textOverflow === 'ellipsis' && parent.closest('[title]') !== null;
    if (past <= 2 || intended || reported.has(parent)) continue;
    reported.add(parent);
    problems.push(
      `text ${quote(line.node.data)} is clipped by ${Math.round(past)} px (in ${describe(parent)})`,
    );
  }
  // A select draws its chosen option inside its own box, beyond the reach of a Range: a copy of it
  // holding that option alone, at its natural width, is as wide as the option needs.
  const needed = new Map<string, number>();
  for (const select of scope.querySelectorAll('select')) {
    const chosen = select.selectedOptions[0]?.text ?? '';
    if (chosen === '' || select.multiple || isHidden(select)) continue;
    const key = `${select.className}|${style(select).font}|${chosen}`;
    if (!needed.has(key)) {
      const copy = select.cloneNode(false) as HTMLSelectElement;
      copy.append(new Option(chosen));
      copy.style.cssText =
        'position:absolute;visibility:hidden;inline-size:auto;min-inline-size:0;max-inline-size:none';
      select.after(copy);
      needed.set(key, copy.getBoundingClientRect().width);
      copy.remove();
    }
    const past = (needed.get(key) ?? 0) - select.getBoundingClientRect().width;
    if (past > 1)
      problems.push(
        `the chosen ${quote(chosen)} is cut by ${Math.round(past)} px (in ${describe(select)})`,
      );
  }
  return problems;
}

/** Pairs of texts drawn over each other, where both can be seen. */
function overlappingTexts({ lines, viewport, style, intersect, quote }: Layout): string[] {
  const opaque = (element: Element) => {
    const css = style(element);
    const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(css.backgroundColor);
    const filled =
      css.backgroundColor !== 'transparent' && (alpha === null || Number(alpha[1]) > 0.9);
    return filled || css.backgroundImage !== 'none';
  };
  // Hit-testing from the top: the text shows unless an opaque box lies over it first.
  const seenAt = (node: Text, stack: Element[]) => {
    for (const element of stack) {
      if (element.contains(node)) return true;
      if (opaque(element)) return false;
    }
    return false;
  };
  const problems: string[] = [];
  const reported = new Set<string>();
  const sorted = [...lines].sort((a, b) => a.visible.top - b.visible.top);
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (b.visible.top >= a.visible.bottom) break;
      if (a.node === b.node) continue;
      const overlap = intersect(a.visible, b.visible);
      const across = overlap.right - overlap.left;
      const down = overlap.bottom - overlap.top;
      const shorter = Math.min(a.visible.bottom - a.visible.top, b.visible.bottom - b.visible.top);
      if (across <= 1 || down <= Math.max(2, shorter * 0.25)) continue;
      const x = (overlap.left + overlap.right) / 2;
      const y = (overlap.top + overlap.bottom) / 2;
      if (x >= 0 && y >= 0 && x < viewport.right && y < viewport.bottom) {
        const stack = document.elementsFromPoint(x, y);
        if (!seenAt(a.node, stack) || !seenAt(b.node, stack)) continue;
      }
      const pair = `texts ${quote(a.node.data)} and ${quote(b.node.data)} overlap`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      problems.push(`${pair} by ${Math.round(across)} × ${Math.round(down)} px`);
    }
  });
  return problems;
}

/** The page, or a box inside it, that scrolls sideways. */
function sidewaysScrolls({ root, style, describe, isHidden }: Layout): string[] {
  const problems: string[] = [];
  const elements = [...document.body.querySelectorAll('*')];
  if (root.scrollWidth > root.clientWidth) {
    const wide = elements.filter(
      (element) =>
        !isHidden(element) && element.getBoundingClientRect().right > root.clientWidth + 1,
    );
    const outermost = wide.filter((element) => !wide.includes(element.parentElement as Element));
    problems.push(
      `the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px: ${outermost
        .slice(0, 3)
        .map(describe)
        .join(', ')}`,
    );
  }
  for (const element of elements) {
    const overflowX = style(element).overflowX;
    if (overflowX !== 'auto' && overflowX !== 'scroll') continue;
    if (element.scrollWidth <= element.clientWidth + 1 || isHidden(element)) continue;
    problems.push(
      `${describe(element)} scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`,
    );
  }
  return problems;
}

/**
 * Controls under 24 × 24 px, and controls or their labels cut off sideways. WCAG 2.5.8's own
 * exceptions hold: a link inside a sentence; an undersized target whose 24 px circle touches no
 * other target nor another undersized target's circle; a control the browser sized, untouched by
 * any author style (the unstyled widgets).
 */
function badTargets(layout: Layout): string[] {
  const { root, scope, viewport, style, box, intersect, describe, isHidden, clipOf } = layout;
  const problems: string[] = [];
  const targets = [
    ...scope.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]',
    ),
  ]
    .filter((control) => !isHidden(control))
    .filter((control) => control.closest('[inert], [aria-hidden="true"]') === null)
    .map((control) => {
      const labels = control instanceof HTMLInputElement ? [...(control.labels ?? [])] : [];
      const areas = [control, ...labels].filter((element) => !isHidden(element)).map(box);
      // The largest of the control and its labels, which a click on activates it too.
      const area = areas.reduce((a, b) =>
        (b.right - b.left) * (b.bottom - b.top) > (a.right - a.left) * (a.bottom - a.top) ? b : a,
      );
      const big = areas.some((b) => b.right - b.left >= 23.5 && b.bottom - b.top >= 23.5);
      return { control, labels, area, big };
    });
  const centre = (b: Box) => ({ x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 });
  const distance = (p: { x: number; y: number }, b: Box) =>
    Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  // A copy in a shadow root of its own meets no author style: the browser alone sizes it.
  const sizedByBrowser = (control: HTMLElement) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;inset-block-start:0;visibility:hidden';
    const copy = control.cloneNode(true) as Element;
    host.attachShadow({ mode: 'open' }).append(copy);
    document.body.append(host);
    const bare = copy.getBoundingClientRect();
    host.remove();
    const { width, height } = control.getBoundingClientRect();
    return Math.abs(bare.width - width) < 1 && Math.abs(bare.height - height) < 1;
  };
  for (const { control, labels, area, big } of targets) {
    const sentence = control.parentElement?.textContent ?? '';
    const inline =
      style(control).display === 'inline' &&
      sentence.trim().length > (control.textContent ?? '').trim().length;
    const own = centre(area);
    const crowded = targets.find(
      (other) =>
        other.control !== control &&
        (distance(own, other.area) < 12 ||
          (!other.big &&
            Math.hypot(own.x - centre(other.area).x, own.y - centre(other.area).y) < 24)),
    );
    if (!big && !inline && crowded !== undefined && !sizedByBrowser(control)) {
      problems.push(
        `${describe(control)} is a ${Math.round(area.right - area.left)} × ${Math.round(area.bottom - area.top)} px target, under 24 × 24 px and within 12 px of ${describe(crowded.control)}`,
      );
    }
    for (const element of [control, ...labels]) {
      const rect = box(element);
      const seen = intersect(clipOf(element.parentElement ?? root).all, viewport);
      if (rect.left >= seen.left - 1 && rect.right <= seen.right + 1) continue;
      problems.push(
        `${describe(element)} is cut off sideways: it spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, the visible width ${Math.round(seen.left)}–${Math.round(seen.right)} px`,
      );
      break;
    }
  }
  return problems;
}
