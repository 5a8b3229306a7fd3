/**
 * The add-user guard's anatomy: each part's `data-part` name and the states it shows as
 * `data-state`. The parts render these; stories, tests and themes select by them.
 */
export const addUserGuardAnatomy = {
  /** `data-seats` of the guarded control and of its dialog. */
  widget: { trigger: 'guard', content: 'guard-dialog', overlay: 'overlay' },
  parts: {
    overlay: 'overlay',
    content: 'content',
    title: 'title',
    description: 'description',
    pending: 'pending',
    remedies: 'remedies',
    remedy: 'remedy',
    blocked: 'blocked',
    actions: 'actions',
    cancel: 'cancel',
  },
  states: {
    trigger: ['pending', 'allowed', 'blocked'],
    remedy: ['buy', 'use-non-consuming', 'free-licence', 'ask-admin'],
  },
} as const;

/** The list of members whose licence can be freed, shared by the guard and the adjust dialog. */
export const memberPickerAnatomy = {
  parts: {
    root: 'member-picker',
    prompt: 'member-picker-prompt',
    list: 'member-list',
    option: 'member-option',
  },
} as const;

/** A part of the add-user guard, as its `data-part` names it. */
export type AddUserGuardPart =
  (typeof addUserGuardAnatomy.parts)[keyof typeof addUserGuardAnatomy.parts];
