// Sale requests of the reliability runs. A request is built once and sent as the same bytes every time, as a
// till resends a ticket: native POST /v1/sales (optionally with a bearer voucher) or Avomark's
// POST /avomark/api/v1/cards/{number}/sales.

export interface SaleRequest {
  receipt: string;
  card: string;
  dialect: 'native' | 'avomark';
  path: string;
  /** The JSON text, identical on every send. */
  body: string;
}

/** Deterministic amounts from the receipt, so a rebuilt request is the same request. */
function amounts(receipt: string, n: number): number[] {
  let h = 2166136261;
  for (const c of receipt) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return Array.from({ length: n }, (_, i) => 100 + ((((h >>> (i * 3)) ^ (h * (i + 7))) >>> 0) % 9900));
}

export function nativeSale(
  receipt: string,
  card: string,
  options: { voucher?: string; redeemPoints?: number; amount?: number; date?: string } = {},
): SaleRequest {
  const lines = options.amount !== undefined ? [options.amount] : amounts(receipt, 2);
  const total = lines.reduce((a, b) => a + b, 0);
  const body = {
    receipt,
    date: options.date ?? new Date().toISOString(),
    storeCode: 'PARIS-01',
    terminalCode: '1',
    cardNumber: card,
    lines: lines.map((amount, i) => ({
      operation: 'purchase',
      itemCode: `SOAK-${i + 1}`,
      category: (i % 9) + 1,
      amount,
      quantity: 1,
      discountPercent: 0,
    })),
    payments: [{ method: 'card', amount: Math.max(0, total - (options.voucher ? 500 : 0)) }],
    ...(options.voucher ? { vouchers: [{ number: options.voucher }] } : {}),
    ...(options.redeemPoints ? { redeemPoints: options.redeemPoints } : {}),
  };
  return { receipt, card, dialect: 'native', path: '/v1/sales', body: JSON.stringify(body) };
}

export function avomarkSale(receipt: string, card: string, date = new Date().toISOString()): SaleRequest {
  const body = {
    receipt,
    date,
    purchases: amounts(receipt, 2).map((cents, i) => ({
      operation: { id: 1 },
      amount: cents / 100,
      quantity: 1,
      percentageDiscount: 0,
      item: { code: `SOAK-${i + 1}`, label: `Article ${i + 1}` },
      itemType: { code: String(i + 1), label: 'SOAK' },
    })),
  };
  return {
    receipt,
    card,
    dialect: 'avomark',
    path: `/avomark/api/v1/cards/${card}/sales`,
    body: JSON.stringify(body),
  };
}

/** The same receipt with other content (one more line): the server must refuse it with a 409. */
export function altered(request: SaleRequest): SaleRequest {
  const body = JSON.parse(request.body) as { lines?: unknown[]; purchases?: unknown[] };
  if (body.lines) body.lines = [...body.lines, body.lines[0]];
  if (body.purchases) body.purchases = [...body.purchases, body.purchases[0]];
  return { ...request, body: JSON.stringify(body) };
}

export interface SaleAnswer {
  saleId: string | null;
  pointsEarned: number;
}

/** The identity of a 2xx sale answer: native sale id (Avomark answers carry none) and points earned. */
export function saleAnswer(body: unknown): SaleAnswer {
  const b = body as { saleId?: string; pointsEarned?: number };
  return { saleId: b?.saleId ?? null, pointsEarned: Number(b?.pointsEarned) };
}
