/**
 * The looks every state is shown in. Each state's file exports them as `Light`, `Dark`,
 * `Unstyled`, `German` and `Rtl` (Arabic, right to left), so a state is written once and rendered
 * (and tested) in each; the key states also export `Phone`.
 */
export const light = { name: 'Light', globals: { theme: 'light' } };
export const dark = { name: 'Dark', globals: { theme: 'dark' } };
export const unstyled = { name: 'Unstyled', globals: { styles: 'unstyled' } };
export const german = { name: 'German', globals: { locale: 'de' } };
export const rtl = { name: 'Right to left', globals: { locale: 'ar', dir: 'rtl' } };
/** A 375 px wide phone (the `phone` viewport of the preview); the test runs at that size too. */
export const phone = { name: 'Phone', globals: { viewport: { value: 'phone', isRotated: false } } };
