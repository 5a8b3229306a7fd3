/**
 * The five looks every state is shown in. Each state's file exports them as `Light`, `Dark`,
 * `Unstyled`, `German` and `Rtl`, so a state is written once and rendered (and tested) five times.
 */
export const light = { name: 'Light', globals: { theme: 'light' } };
export const dark = { name: 'Dark', globals: { theme: 'dark' } };
export const unstyled = { name: 'Unstyled', globals: { styles: 'unstyled' } };
export const german = { name: 'German', globals: { locale: 'de' } };
export const rtl = { name: 'Right to left', globals: { dir: 'rtl' } };
