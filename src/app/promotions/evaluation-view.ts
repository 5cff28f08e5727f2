/** The answer of an evaluation on the wire: the field names fixed by the API, with the reasons' messages. */
import type { Evaluation, Offer } from '../../core/promotions/basket.js';

export interface EvaluationView {
  mapVersion: number | null;
  lines: {
    index: number;
    sku: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    total: number;
  }[];
  promotions: {
    nro: string;
    code: string;
    name: string;
    benefit: string;
    discount: number;
    points: number;
    coupons: { type: string; quantity: number }[];
    lines: number[];
    messages: string[];
    couponsRedeemed: string[];
    offers: Offer[];
  }[];
  notApplied: { nro: string; code: string; reason: string; message: string }[];
  totalDiscount: number;
  points: number;
  couponsToIssue: { type: string; quantity: number }[];
}

export function evaluationView(e: Evaluation): EvaluationView {
  return {
    mapVersion: e.mapVersion,
    lines: e.lines,
    promotions: e.promotions.map((p) => ({
      nro: p.nro,
      code: p.code,
      name: p.name,
      benefit: p.benefit,
      discount: p.discount,
      points: p.points,
      coupons: p.coupons,
      lines: p.lines,
      messages: p.messages,
      couponsRedeemed: p.couponsRedeemed,
      offers: p.offers,
    })),
    notApplied: e.notApplied,
    totalDiscount: e.totalDiscount,
    points: e.points,
    couponsToIssue: e.couponsToIssue,
  };
}
