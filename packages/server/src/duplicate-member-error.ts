/**
 * A member write that would give an account two members with one email (whatever its case), one
 * host id (`externalId`) or one member id. Nothing was written.
 */
export class DuplicateMemberError extends Error {
  override name = 'DuplicateMemberError';
  constructor(
    readonly field: 'email' | 'externalId' | 'id',
    options?: { cause?: unknown },
  ) {
    super(
      field === 'email'
        ? 'Another member of this account has this email.'
        : field === 'externalId'
          ? 'Another member of this account has this externalId.'
          : 'Another member of this account has this id.',
      options,
    );
  }
}

const constraintFields: [constraint: string, field: DuplicateMemberError['field']][] = [
  ['seats_members_account_email_unique', 'email'],
  ['seats_members_account_external_id', 'externalId'],
  ['seats_members_pkey', 'id'],
];

/** The error as a `DuplicateMemberError` when it is a unique violation of a member's key. */
export function duplicateMemberOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, constraint, message } = error as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  if (code !== '23505') return error;
  for (const [name, field] of constraintFields) {
    if (constraint === name || (typeof message === 'string' && message.includes(`"${name}"`)))
      return new DuplicateMemberError(field, { cause: error });
  }
  return error;
}
