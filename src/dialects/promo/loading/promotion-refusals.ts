/**
 * The import monitor's Spanish wording of a refused promotion (§5.4: "Promotions must be in the state
 * Completa to be imported"): an incomplete promotion (the engine's gaps) or an invalid one (it cannot be
 * complete either; the engine's path and reason follow).
 */
import type { CompletenessGap } from '../../../core/promotions/completeness.js';

const PREFIX = 'La promoción no está en estado Completa';

function gapText(gap: CompletenessGap): string {
  return gap.kind === 'noBenefit'
    ? 'no tiene beneficios'
    : `el tipo de cupón ${gap.couponType} (${gap.path}) no existe`;
}

export function refusalMessage(r: {
  code: string;
  message?: string;
  details?: { field?: string; message?: string }[];
  gaps?: CompletenessGap[];
}): string {
  if (r.gaps && r.gaps.length > 0) return `${PREFIX}: ${r.gaps.map(gapText).join('; ')}`;
  const first = r.details?.[0];
  if (r.code === 'PROMOTION_INVALID' && first)
    return `${PREFIX}: ${first.field ?? ''}: ${first.message ?? ''}`;
  return r.message ?? r.code;
}
