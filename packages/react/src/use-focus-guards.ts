import { useEffect } from 'react';

let guards: [HTMLSpanElement, HTMLSpanElement] | null = null;
let users = 0;

function focusGuard(): HTMLSpanElement {
  const guard = document.createElement('span');
  guard.setAttribute('data-seats-focus-guard', '');
  guard.tabIndex = 0;
  guard.style.cssText = 'outline:none;opacity:0;position:fixed;pointer-events:none';
  return guard;
}

/**
 * Keeps a focusable guard at each end of the page while a dialog is open, as Radix's focus guards
 * do, so that tabbing out of the page and back lands where the dialog's focus trap sees it. The
 * guards are shared by the open dialogs and removed with the last.
 */
export function useFocusGuards(): void {
  useEffect(() => {
    guards ??= [focusGuard(), focusGuard()];
    const [start, end] = guards;
    const body = document.body;
    if (body.firstElementChild !== start) body.insertAdjacentElement('afterbegin', start);
    if (body.lastElementChild !== end) body.insertAdjacentElement('beforeend', end);
    users += 1;
    return () => {
      users -= 1;
      if (users > 0) return;
      start.remove();
      end.remove();
      guards = null;
    };
  }, []);
}
