import { useEffect, useRef, useState } from 'react';

/**
 * A value the host controls (`prop`, told of changes through `onChange`) or leaves to the
 * component (`defaultProp`), as Radix's parts take `open`: uncontrolled, `onChange` is told once
 * the new value is rendered.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: {
  prop: T | undefined;
  defaultProp: T;
  onChange?: ((value: T) => void) | undefined;
}): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultProp);
  const told = useRef(own);
  useEffect(() => {
    if (told.current === own) return;
    told.current = own;
    onChange?.(own);
  }, [own, onChange]);
  if (prop === undefined) return [own, setOwn];
  return [prop, (next) => next !== prop && onChange?.(next)];
}
