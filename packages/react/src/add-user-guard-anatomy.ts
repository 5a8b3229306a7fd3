/** The `data-seats` names of the widget's outer elements. */
export const addUserGuardWidget = {
  trigger: 'guard',
  content: 'guard-dialog',
  overlay: 'overlay',
} as const;

/** Each part's `data-part` name; the parts render these. */
export const addUserGuardParts = {
  overlay: 'overlay',
  content: 'content',
  title: 'title',
  description: 'description',
  pending: 'pending',
  remedies: 'remedies',
  remedy: 'remedy',
  consequence: 'consequence',
  blocked: 'blocked',
  actions: 'actions',
  cancel: 'cancel',
  announcement: 'announcement',
} as const;

/** The `data-state` values each part may show. */
export const addUserGuardStates = {
  trigger: ['pending', 'allowed', 'blocked'],
  remedy: ['buy', 'use-non-consuming', 'free-licence', 'ask-admin'],
} as const;

/**
 * The add-user guard's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const addUserGuardAnatomy = {
  widget: addUserGuardWidget,
  parts: addUserGuardParts,
  states: addUserGuardStates,
} as const;

/** The list of members whose licence can be freed, shared by the guard and the adjust dialog. */
export const memberPickerParts = {
  root: 'member-picker',
  prompt: 'member-picker-prompt',
  list: 'member-list',
  option: 'member-option',
  name: 'member-name',
  details: 'member-details',
  empty: 'member-picker-empty',
  confirm: 'member-confirm',
  status: 'member-picker-status',
  error: 'member-picker-error',
} as const;

/** The member picker's anatomy. */
export const memberPickerAnatomy = { parts: memberPickerParts } as const;

/** A part of the member picker, as its `data-part` names it. */
export type MemberPickerPart = (typeof memberPickerParts)[keyof typeof memberPickerParts];

/** A part of the add-user guard, as its `data-part` names it. */
export type AddUserGuardPart = (typeof addUserGuardParts)[keyof typeof addUserGuardParts];
