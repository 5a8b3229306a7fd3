import { decideConsumption, type SeatPolicy } from '@seats/core';
import type { Change, MemberRecord } from '@seats/core/contract';
import type { StoredChange, StoredMember } from './seats-store';

/** A stored member as the contract's `Member`, with why it does or does not consume. */
export function memberToWire(member: StoredMember, policy: SeatPolicy): MemberRecord {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    status: member.status,
    role: member.role,
    poolId: member.poolId,
    addOnIds: member.addOnIds,
    consumes: member.consumes,
    reason: decideConsumption(member, policy).reason,
    createdAt: member.createdAt,
    updatedAt: member.updatedAt,
  };
}

/** A stored change as the contract's `Change`. */
export function changeToWire(change: StoredChange): Change {
  return {
    id: change.id,
    quoteId: change.quoteId,
    poolId: change.poolId,
    status: change.status,
    plan: change.plan,
    actor: change.actor,
    restored: change.restored,
    createdAt: change.createdAt,
    effectiveAt: change.effectiveAt,
    signedAt: change.signedAt,
    cancelledAt: change.cancelledAt,
    charged: change.charged,
    ...(change.reason === null || change.reason === undefined ? {} : { reason: change.reason }),
  };
}

/** An opaque cursor for a sequence number, and back; `null` when the text is not one. */
export function encodeCursor(seq: number): string {
  return btoa(`s${seq}`).replaceAll('=', '');
}

export function decodeCursor(cursor: string): number | null {
  try {
    const match = /^s(\d{1,15})$/.exec(atob(cursor));
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}
