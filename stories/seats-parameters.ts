import type { SeatsClient } from '@seats/client';
import type { PresetName } from '@seats/core';
import type { SeatsMsw } from '@seats/server/msw';

/** What a story brings into the account before it renders. */
export interface SeatsSetupContext {
  /** The mock API: fault injection, billing records, sent e-signatures. */
  api: SeatsMsw;
  /** A client acting as the account's admin, for changes through the real handler. */
  client: SeatsClient;
}

/**
 * The `seats` parameter of a story: whose account the widgets show, as whom, and how the account
 * got into the story's state. Every story starts from the freshly seeded demo accounts.
 */
export interface SeatsParameters {
  /** The demo account: one per preset of `@seats/core`. */
  account: PresetName;
  /**
   * The viewer's role.
   * @default the first role of the preset that may change licences
   */
  role?: string;
  /** Brings the account into the story's state through the real API, after the reset. */
  setup?: (context: SeatsSetupContext) => Promise<void>;
}
