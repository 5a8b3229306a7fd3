/**
 * The host's one date format, in UTC as the kit's own dates are, so that a day shown in a table is
 * the day the widgets name.
 */
const days = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const moments = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
  hour12: false,
});

export const day = (instant: string | null) =>
  instant === null ? '—' : days.format(new Date(instant));

/** A moment, with its time zone said. */
export const moment = (instant: string) => `${moments.format(new Date(instant))} UTC`;
