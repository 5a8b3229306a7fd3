/** The `data-seats` names of the widget's outer elements. */
export const adjustAllowanceWidget = {
  trigger: 'adjust-trigger',
  content: 'adjust',
  overlay: 'overlay',
} as const;

/** Each part's `data-part` name; the parts render these. */
export const adjustAllowanceParts = {
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
  unitPrice: 'unit-price',
  quote: 'quote',
  issues: 'issues',
  issue: 'issue',
  quoteLoading: 'quote-loading',
  quoteError: 'quote-error',
  quoteRetry: 'quote-retry',
  plan: 'plan',
  lines: 'lines',
  line: 'line',
  lineLabel: 'line-label',
  amount: 'amount',
  total: 'total',
  priceHeading: 'price-heading',
  dueNow: 'due-now',
  nextInvoice: 'next-invoice',
  commitment: 'commitment',
  effective: 'effective',
  confirmations: 'confirmations',
  terms: 'terms',
  termsLink: 'terms-link',
  password: 'password',
  passwordError: 'password-error',
  signature: 'signature',
  requoted: 'requoted',
  error: 'error',
  declineReason: 'decline-reason',
  paymentMethod: 'payment-method',
  actions: 'actions',
  cancel: 'cancel',
  submitHint: 'submit-hint',
  submit: 'submit',
  result: 'result',
  close: 'close',
  status: 'status',
} as const;

/** The `data-state` values each part may show. */
export const adjustAllowanceStates = {
  trigger: ['explained'],
  directionOption: ['checked', 'unchecked'],
  quote: ['idle', 'loading', 'ready', 'invalid'],
  submit: ['disabled', 'ready', 'pending'],
  result: ['applied', 'scheduled', 'pending-signature'],
} as const;

/**
 * The adjust dialog's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const adjustAllowanceAnatomy = {
  widget: adjustAllowanceWidget,
  parts: adjustAllowanceParts,
  states: adjustAllowanceStates,
} as const;

/** A part of the adjust dialog, as its `data-part` names it. */
export type AdjustAllowancePart = (typeof adjustAllowanceParts)[keyof typeof adjustAllowanceParts];
