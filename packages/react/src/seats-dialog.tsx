import { composeEventHandlers } from '@radix-ui/primitive';
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { DismissableLayer } from '@radix-ui/react-dismissable-layer';
import { FocusScope } from '@radix-ui/react-focus-scope';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  type ReactNode,
  type Ref,
  type RefObject,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { createPortal } from 'react-dom';
import { hideOthers } from './hide-others';
import { useFocusGuards } from './use-focus-guards';

/*
 * The modal dialog under the adjust dialog and the guard, built as Radix `Dialog` is: Radix's focus
 * scope and dismissable layer, with a portal and focus guards of the kit's own, without its scroll
 * lock: `react-remove-scroll` costs ~4 KiB gzip and its `margin-right` for the scrollbar grows to
 * the page's overflow on a phone, squeezing the page to a narrow column.
 */

interface DialogContextValue {
  open: boolean;
  setOpen: (open: boolean) => void;
  triggerRef: RefObject<HTMLElement | null>;
  /** Where focus goes on close when there is no trigger (a dialog opened by another). */
  returnFocus: (() => HTMLElement | null | undefined) | undefined;
  ids: { content: string; title: string; description: string };
  hasDescription: boolean;
  setHasDescription: (has: boolean) => void;
}

const DialogContext = createContext<DialogContextValue | null>(null);

function useDialog(): DialogContextValue {
  const context = useContext(DialogContext);
  if (context === null) throw new Error('A dialog part must be used within its Root');
  return context;
}

export interface DialogRootProps {
  open: boolean;
  setOpen: (open: boolean) => void;
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
  children?: ReactNode;
}

export function DialogRoot({ open, setOpen, returnFocus, children }: DialogRootProps) {
  const triggerRef = useRef<HTMLElement | null>(null);
  const [hasDescription, setHasDescription] = useState(false);
  const ids = { content: useId(), title: useId(), description: useId() };
  return (
    <DialogContext.Provider
      value={{ open, setOpen, triggerRef, returnFocus, ids, hasDescription, setHasDescription }}
    >
      {children}
    </DialogContext.Provider>
  );
}

export interface DialogTriggerProps {
  ref: (node: HTMLElement | null) => void;
  'aria-haspopup': 'dialog';
  'aria-expanded': boolean;
  'aria-controls': string | undefined;
  open: () => void;
}

/** Where a trigger's ref goes, and its ARIA, for a control that opens the dialog. */
export function useDialogTrigger(ref: Ref<HTMLElement>): DialogTriggerProps {
  const dialog = useDialog();
  return {
    ref: useComposedRefs(ref, dialog.triggerRef),
    'aria-haspopup': 'dialog',
    'aria-expanded': dialog.open,
    'aria-controls': dialog.open ? dialog.ids.content : undefined,
    open: () => dialog.setOpen(true),
  };
}

let scrollLocks = 0;
let pageStyle = '';

/** The page stops scrolling while a dialog is shown, and nothing on it moves. */
function useScrollLock() {
  useLayoutEffect(() => {
    const style = document.documentElement.style;
    if (scrollLocks++ === 0) {
      pageStyle = style.cssText;
      // Keep the space of a vertical scrollbar the page shows, and add none where it shows none.
      if (window.innerWidth > document.documentElement.clientWidth)
        style.scrollbarGutter = 'stable';
      style.overflow = 'hidden';
    }
    return () => {
      if (--scrollLocks === 0) style.cssText = pageStyle;
    };
  }, []);
}

type LayerProps = ComponentPropsWithoutRef<typeof DismissableLayer>;

export interface DialogContentProps
  extends Omit<LayerProps, 'onDismiss' | 'disableOutsidePointerEvents' | 'onFocusOutside'> {
  /** Runs when the dialog opens; `preventDefault()` keeps the kit from moving focus. */
  onOpenAutoFocus?: ((event: Event) => void) | undefined;
  /** Runs when the dialog closes; `preventDefault()` keeps the kit from moving focus. */
  onCloseAutoFocus?: ((event: Event) => void) | undefined;
}

/** The dialog in a portal over its overlay: focus trapped, the rest hidden, dismissed by Escape or outside. */
export const DialogContent = forwardRef<HTMLDivElement, DialogContentProps & { overlay: string }>(
  function DialogContent(props, ref) {
    const dialog = useDialog();
    if (!dialog.open) return null;
    return (
      <BodyPortal>
        <div>
          <DialogLayer {...props} ref={ref} />
        </div>
      </BodyPortal>
    );
  },
);

const DialogLayer = forwardRef<HTMLDivElement, DialogContentProps & { overlay: string }>(
  function DialogLayer({ overlay, onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
    const dialog = useDialog();
    const contentRef = useRef<HTMLDivElement | null>(null);
    const composedRef = useComposedRefs(ref, contentRef);
    useFocusGuards();
    useScrollLock();
    useEffect(() => {
      const content = contentRef.current;
      if (content) return hideOthers(content);
    }, []);
    return (
      <>
        {/* The page under a modal takes no pointer events; the overlay does, to close on a click. */}
        <div data-seats="overlay" data-part={overlay} style={{ pointerEvents: 'auto' }} />
        <FocusScope
          asChild
          loop
          trapped
          onMountAutoFocus={onOpenAutoFocus}
          onUnmountAutoFocus={composeEventHandlers(onCloseAutoFocus, (event) => {
            event.preventDefault();
            (dialog.triggerRef.current ?? dialog.returnFocus?.())?.focus();
          })}
        >
          <DismissableLayer
            role="dialog"
            aria-modal="true"
            id={dialog.ids.content}
            aria-labelledby={dialog.ids.title}
            aria-describedby={dialog.hasDescription ? dialog.ids.description : undefined}
            {...props}
            ref={composedRef}
            disableOutsidePointerEvents
            onFocusOutside={(event) => event.preventDefault()}
            onDismiss={() => dialog.setOpen(false)}
          />
        </FocusScope>
      </>
    );
  },
);

export const DialogTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(
  function DialogTitle(props, ref) {
    return <h2 id={useDialog().ids.title} {...props} ref={ref} />;
  },
);

export const DialogDescription = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function DialogDescription(props, ref) {
    const { ids, setHasDescription } = useDialog();
    useLayoutEffect(() => {
      setHasDescription(true);
      return () => setHasDescription(false);
    }, [setHasDescription]);
    return <p id={ids.description} {...props} ref={ref} />;
  },
);

export const DialogClose = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'>>(
  function DialogClose({ onClick, ...props }, ref) {
    const { setOpen } = useDialog();
    return (
      <button
        type="button"
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => setOpen(false))}
      />
    );
  },
);

const noSubscription = () => () => {};

/** `children` at the end of the page's body: rendered on the client only, as Radix's portal is. */
function BodyPortal({ children }: { children: ReactNode }) {
  const onClient = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return onClient ? createPortal(children, document.body) : null;
}
