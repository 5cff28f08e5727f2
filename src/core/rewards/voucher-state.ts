/** Voucher state changes other than redemption: undoing a use, cancelling, and the status at a time. */
import type { AppliedUse, Voucher, VoucherStatus } from './vouchers.js';

export type RestoreReason =
  'VOUCHER_CANCELLED' | 'NOTHING_TO_RESTORE' | 'RESTORE_MISMATCH' | 'RESTORE_EXCEEDS_VALUE';

export type VoucherChange<R extends string> =
  { ok: true; voucher: Voucher } | { ok: false; reason: R; message: string };

const isPast = (voucher: Voucher, now: number) => voucher.validUntil !== null && now > voucher.validUntil;

/**
 * The status a voucher has at `now`: a stored 'active' voucher past its validUntil is 'expired' (the
 * expiry job may not have run yet). Other statuses are returned as stored.
 */
export function voucherStatusAt(voucher: Voucher, now: number): VoucherStatus {
  return voucher.status === 'active' && isPast(voucher, now) ? 'expired' : voucher.status;
}

/**
 * Undoes one use (`applied`, as returned by redeemVoucher), for a cancelled or returned sale: an amount
 * voucher gets `taken` back on its remaining; other kinds become unused again (a choices voucher forgets its
 * choice). The voucher becomes active again, or stays/becomes expired if it was expired or `now` is past its validity. A cancelled voucher is not
 * restored; a restore that does not fit the voucher (wrong kind, more than its value, nothing used) is refused.
 */
export function restoreVoucher(
  voucher: Voucher,
  applied: AppliedUse,
  now: number,
): VoucherChange<RestoreReason> {
  if (voucher.status === 'cancelled') {
    return { ok: false, reason: 'VOUCHER_CANCELLED', message: `Voucher ${voucher.number} was cancelled.` };
  }
  const status: VoucherStatus = voucher.status === 'expired' || isPast(voucher, now) ? 'expired' : 'active';
  const mismatch = {
    ok: false as const,
    reason: 'RESTORE_MISMATCH' as const,
    message: `This use (${applied.type}) does not belong to voucher ${voucher.number}.`,
  };
  if (voucher.kind === 'amount') {
    if (applied.type !== 'amount') return mismatch;
    if (!Number.isSafeInteger(applied.taken) || applied.taken <= 0) {
      return { ok: false, reason: 'NOTHING_TO_RESTORE', message: 'This use took nothing from the voucher.' };
    }
    const remaining = voucher.remaining + applied.taken;
    if (remaining > voucher.value) {
      return {
        ok: false,
        reason: 'RESTORE_EXCEEDS_VALUE',
        message: `Restoring ${applied.taken} would exceed the voucher's value of ${voucher.value}.`,
      };
    }
    return { ok: true, voucher: { ...voucher, remaining, status } };
  }
  if (voucher.status !== 'used') {
    return { ok: false, reason: 'NOTHING_TO_RESTORE', message: `Voucher ${voucher.number} is not used.` };
  }
  if (voucher.kind === 'choices') {
    if (voucher.chosen !== undefined && voucher.chosen.type !== applied.type) return mismatch;
    const { chosen: _chosen, ...unchosen } = voucher;
    return { ok: true, voucher: { ...unchosen, status } };
  }
  if (applied.type !== voucher.kind) return mismatch;
  return { ok: true, voucher: { ...voucher, status } };
}

/** Cancels an active voucher (what is left of a splittable one is lost). Other statuses are refused. */
export function cancelVoucher(voucher: Voucher): VoucherChange<'VOUCHER_NOT_ACTIVE'> {
  if (voucher.status !== 'active') {
    return {
      ok: false,
      reason: 'VOUCHER_NOT_ACTIVE',
      message: `Voucher ${voucher.number} is ${voucher.status}.`,
    };
  }
  return { ok: true, voucher: { ...voucher, status: 'cancelled' } };
}

/** Marks a voucher expired when `now` is past its validity; returns it unchanged otherwise. */
export function expireVoucher(voucher: Voucher, now: number): Voucher {
  return voucherStatusAt(voucher, now) === 'expired' && voucher.status === 'active'
    ? { ...voucher, status: 'expired' }
    : voucher;
}
