import { type PresetName, presets } from '@seats/core';

/** The demo account the page shows: `?account=` names a preset, else factro's. */
export function demoAccount(requested: string | string[] | undefined): {
  accountId: PresetName;
  role: string;
} {
  const accountId =
    typeof requested === 'string' && Object.hasOwn(presets, requested)
      ? (requested as PresetName)
      : 'daily-prorated-with-password';
  return { accountId, role: presets[accountId].permissions.changeAllowance[0] as string };
}
