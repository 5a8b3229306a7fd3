import { type PresetName, presets } from '@seats/core';
import type { SeatsIdentity } from './seats-handler-options';

/** The account every demo request falls back to. */
export const defaultDemoAccount: PresetName = 'delta-upgrade-at-limit';

/**
 * The caller from the `x-seats-account` (a preset name; default the first demo account),
 * `x-seats-role` (default the account's first role that may change licences) and `x-seats-member`
 * headers. Anyone can claim any identity this way: use it for demos and mocks only.
 */
export function demoIdentify(request: Request): SeatsIdentity | null {
  const accountId = request.headers.get('x-seats-account') ?? defaultDemoAccount;
  if (!Object.hasOwn(presets, accountId)) return null;
  const policy = presets[accountId as PresetName];
  return {
    accountId,
    memberId: request.headers.get('x-seats-member'),
    role: request.headers.get('x-seats-role') ?? (policy.permissions.changeAllowance[0] as string),
  };
}
