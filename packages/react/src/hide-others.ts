/** How many open dialogs hide each element, so that only the last to close shows it again. */
const hiddenBy = new WeakMap<Element, number>();
/** Elements that were hidden before a dialog hid them: they stay hidden. */
const hiddenBefore = new WeakSet<Element>();

/**
 * Hides everything on the page but `dialog` from assistive technology (`aria-hidden`), as Radix's
 * dialog does with `aria-hidden`'s `hideOthers`: live regions and scripts are left alone, and what
 * was hidden before stays hidden. Returns what shows it all again.
 */
export function hideOthers(dialog: Element): () => void {
  const body = dialog.ownerDocument.body;
  const kept = [dialog, ...body.querySelectorAll('[aria-live], script')];
  const hidden: Element[] = [];
  const hideAround = (parent: Element) => {
    for (const child of parent.children) {
      if (kept.includes(child)) continue;
      if (kept.some((element) => child.contains(element))) {
        hideAround(child);
        continue;
      }
      const value = child.getAttribute('aria-hidden');
      const count = hiddenBy.get(child) ?? 0;
      if (value !== null && value !== 'false') {
        if (count === 0) hiddenBefore.add(child);
      } else child.setAttribute('aria-hidden', 'true');
      hiddenBy.set(child, count + 1);
      hidden.push(child);
    }
  };
  hideAround(body);
  return () => {
    for (const element of hidden) {
      const count = (hiddenBy.get(element) ?? 1) - 1;
      hiddenBy.set(element, count);
      if (count === 0 && !hiddenBefore.delete(element)) element.removeAttribute('aria-hidden');
    }
  };
}
