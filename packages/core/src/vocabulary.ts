/**
 * The keys of a vocabulary, each the text of one place in the widgets. The parameters a template
 * may use are named in braces; numbers are formatted for the locale.
 */
export const vocabularyKeys = [
  /** Heading of the meter. */
  'meterLabel',
  /** A bar's used and purchased counts: `{used}`, `{purchased}`. */
  'usage',
  /** A bar's free licences: `{count}`. */
  'available',
  /** The control that opens the change dialog: `{pool}` (its name), `{term}` (`contracted`, `monthly`, `daily`, `add-on`). */
  'adjustTrigger',
  /** Title of the change dialog: `{pool}`. */
  'adjustTitle',
  /** The dialog's first sentence: `{current}` licences. */
  'adjustDescription',
  /** The number field of the dialog. */
  'inputLabel',
  /** Choosing to add licences, where the same dialog can add or remove. */
  'directionAdd',
  /** Choosing to remove licences, where the same dialog can add or remove. */
  'directionRemove',
  /** The button that commits a purchase. */
  'submitIncrease',
  /** The button that commits a removal. */
  'submitDecrease',
  /** The button that commits a restore of licences scheduled for removal. */
  'submitRestore',
  /** The terms checkbox. */
  'termsLabel',
  /** The password field. */
  'passwordLabel',
  /** Title of the warning when adding a user needs a licence and none is free. */
  'guardTitle',
  /** The remedy that buys the missing licences: `{quantity}`. */
  'remedyBuy',
  /** The guard's choice to go on with the form without a remedy (`when: 'open'`). */
  'guardContinue',
] as const;

export type VocabularyKey = (typeof vocabularyKeys)[number];

/**
 * A product's own words for the widgets (Dazos's "Upgrade", OpenCRM's "Adjust User Allowance"),
 * carried by the policy so that every host of the account shows them; the host's own message
 * overrides still win.
 */
export interface Vocabulary {
  /** The language the product speaks (BCP 47), used where the host sets no locale (factro: `de`). */
  locale?: string | undefined;
  /** Templates by key, replacing the widgets' own text. */
  messages: Partial<Record<VocabularyKey, string>>;
}

/**
 * A template with its `{name}` parameters replaced; a parameter missing from `params` stays as
 * written, so a typo shows instead of vanishing.
 */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>>,
  formatNumber: (value: number) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
