/**
 * The adjust dialog's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const adjustAllowanceAnatomy = {
  /** `data-seats` of the trigger and of the dialog. */
  widget: { trigger: 'adjust-trigger', content: 'adjust', overlay: 'overlay' },
  parts: {
    trigger: 'trigger',
    explanation: 'explanation',
    overlay: 'overlay',
    content: 'content',
    title: 'title',
    description: 'description',
    form: 'form',
    direction: 'direction',
    directionOption: 'direction-option',
    field: 'field',
    inputLabel: 'input-label',
    stepper: 'stepper',
    decrement: 'decrement',
    input: 'input',
    increment: 'increment',
    restore: 'restore',
    quote: 'quote',
    issues: 'issues',
    issue: 'issue',
    quoteLoading: 'quote-loading',
    quoteError: 'quote-error',
    plan: 'plan',
    lines: 'lines',
    line: 'line',
    totals: 'totals',
    dueNow: 'due-now',
    nextInvoice: 'next-invoice',
    effective: 'effective',
    confirmations: 'confirmations',
    terms: 'terms',
    password: 'password',
    signature: 'signature',
    requoted: 'requoted',
    error: 'error',
    paymentMethod: 'payment-method',
    actions: 'actions',
    cancel: 'cancel',
    submit: 'submit',
    result: 'result',
    close: 'close',
  },
  states: {
    trigger: ['explained'],
    directionOption: ['checked', 'unchecked'],
    quote: ['idle', 'loading', 'ready', 'invalid'],
    submit: ['disabled', 'ready', 'pending'],
    result: ['applied', 'scheduled', 'pending-signature'],
  },
} as const;

/** A part of the adjust dialog, as its `data-part` names it. */
export type AdjustAllowancePart =
  (typeof adjustAllowanceAnatomy.parts)[keyof typeof adjustAllowanceAnatomy.parts];
