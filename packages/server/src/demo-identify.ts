import { type PresetName, presets } from '@seats/core';
import type { SeatsIdentity } from './seats-handler-options';
import { demoAccounts } from './seed-demo-accounts';

const demoPresets = new Map(demoAccounts().map((account) => [account.id, account.preset]));

/** The account every demo request falls back to. */
export const defaultDemoAccount: PresetName = 'delta-upgrade-at-limit';

/**
 * The caller from the `x-seats-account` (a demo account's id; default the first demo account),
 * `x-seats-role` (default the account's first role that may change licences) and `x-seats-member`
 * headers. Anyone can claim any identity this way: use it for demos and mocks only.
 */
export function demoIdentify(request: Request): SeatsIdentity | null {
  const accountId = request.headers.get('x-seats-account') ?? defaultDemoAccount;
  const preset = demoPresets.get(accountId);
  if (preset === undefined) return null;
  const policy = presets[preset];
  return {
    accountId,
    memberId: request.headers.get('x-seats-member'),
    role: request.headers.get('x-seats-role') ?? (policy.permissions.changeAllowance[0] as string),
  };
}
