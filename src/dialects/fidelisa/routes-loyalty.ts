/** Rule basis, sales (bills) and point corrections of the calling shop. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { uuidOf } from './use-cases/aliases.js';
import { postBill } from './use-cases/bill.js';
import { correctCustomerPoints, customerCards } from './use-cases/cards.js';
import { allPrograms, shopStoreCode } from './use-cases/shops.js';
import type { EarningRule } from '../../core/rules/index.js';
import { pointsProblem } from '../../core/bounds.js';
import { assertSaleInBounds } from '../../http/sale-bounds.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { callerOf, fidelisaHeader, shopOf } from './auth.js';
import { billLines, unusedDetails, type BillDetail } from './bill-lines.js';
import { nativeId } from './lookup.js';
import { acceptUnwrapped } from './unwrapped.js';
import { subtotalsOfRule } from './subtotals.js';
import { cardOut, formatAmount, isDate, parseAmount, toInt } from './mapping.js';
import {
  CorrectionAnswer,
  CorrectionBody,
  RuleBasis,
  RuleBasisQuery,
  SaleAnswer,
  SaleBody,
  shopErrors,
} from './schemas.js';

const tags = ['Fidelisa'];

/**
 * An engine rule as Fidelisa rule bases: an attribute rule on type "1".."9" is one SubTotalN per value;
 * brand rules and attribute rules on anything else have no Fidelisa type.
 */
export function ruleBasesOf(rule: EarningRule): { type: string; item: string; exclude_discount: string }[] {
  const exclude_discount = rule.excludeDiscounted ? 'true' : 'f';
  switch (rule.kind) {
    case 'visit':
      return [{ type: 'Passage', item: 'N/A', exclude_discount }];
    case 'total_amount':
      return [{ type: 'TotalAmount', item: 'N/A', exclude_discount }];
    case 'attribute_subtotal':
      return subtotalsOfRule(rule).map((n) => ({ type: `SubTotal${n}`, item: 'N/A', exclude_discount }));
    case 'items':
      return [{ type: 'Item', item: rule.itemCodes.join(','), exclude_discount }];
    case 'brand':
      return [];
  }
}

type Detail = {
  type: string;
  item?: string | undefined;
  amount: string | number;
  quantity?: string | number | undefined;
};

/** A detail that is not a line: TotalAmount (the bill total is), Passage (the bill is one), unknown types. */
type InfoDetail = { kind: 'info'; type: string };

/** One wire detail, checked and in minor units (still in wire order; overlaps are resolved by billLines). */
function billDetail(detail: Detail, index: number): BillDetail | InfoDetail {
  const amount = parseAmount(detail.amount);
  if (amount === undefined || amount < 0) {
    throw new HttpError(
      'VALIDATION_FAILED',
      `details.${index}.amount must be a decimal amount such as "12.50".`,
    );
  }
  const quantity = detail.quantity === undefined ? 1 : Number(detail.quantity);
  const sub = /^SubTotal([1-9])$/.exec(detail.type);
  if (sub) return { kind: 'subtotal', category: Number(sub[1]), amount, quantity };
  if (detail.type === 'Item') {
    if (!detail.item)
      throw new HttpError('VALIDATION_FAILED', `details.${index}.item is required for an Item.`);
    return { kind: 'item', itemCode: detail.item, amount, quantity };
  }
  return { kind: 'info', type: detail.type };
}

/** Whether an informative detail was used: TotalAmount and Passage when a card's program earns on them. */
function infoUsed(detail: InfoDetail, ruleKinds: ReadonlySet<string>): boolean {
  if (detail.type === 'TotalAmount') return ruleKinds.has('total_amount');
  if (detail.type === 'Passage') return ruleKinds.has('visit');
  return false;
}

const text = (v: string | number) => (typeof v === 'number' ? String(v) : v);

export function loyaltyRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/rulebasis',
      {
        schema: {
          tags,
          summary: "The shop's earning rules (with customer_id: those of the customer's cards)",
          description:
            "Fidelisa: the rules that turn bill categories into points, for the shop or for one customer's cards.",
          querystring: RuleBasisQuery,
          response: { 200: RuleBasis, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        let programs = (await allPrograms(deps, merchantId)).filter((p) => p.active);
        if (request.query.customer_id !== undefined) {
          const customerId = await nativeId(deps, merchantId, 'customer', request.query.customer_id);
          const held = new Set(
            unwrap(await customerCards(deps, merchantId, customerId)).map((c) => c.card.programId),
          );
          programs = programs.filter((p) => held.has(p.id));
        }
        const seen = new Set<string>();
        const rulebasis = [];
        for (const basis of programs.flatMap((p) => p.rules).flatMap(ruleBasesOf)) {
          const key = JSON.stringify(basis);
          if (!seen.has(key)) {
            seen.add(key);
            rulebasis.push(basis);
          }
        }
        return { rulebasis };
      },
    );

    // The document writes POST /api/sales/ and POST /api/corrections; tills send either spelling.
    const sale = {
      preValidation: acceptUnwrapped('bill'),
      schema: {
        tags,
        summary: 'Post a bill; details no rule uses come back as errors "Not Use"',
        description:
          "Fidelisa sale: the bill's subtotals earn points on the customer's cards per the rules. 404 for an unknown customer; each subtotal earns per the shop's rules.",
        body: SaleBody,
        response: { 201: SaleAnswer, ...shopErrors },
      },
    };
    for (const url of ['/api/sales/', '/api/sales']) {
      app.post(
        url,
        { ...sale, schema: { ...sale.schema, hide: url === '/api/sales' } },
        async (request, reply) => {
          const merchantId = shopOf(request);
          const bill = request.body.bill;
          const total = parseAmount(bill.total);
          if (total === undefined || total < 0) {
            throw new HttpError('VALIDATION_FAILED', 'total must be a decimal amount such as "123.50".');
          }
          if (!isDate(bill.date))
            throw new HttpError('VALIDATION_FAILED', 'date must be a real date YYYY-MM-DD.');
          const customerId = await nativeId(deps, merchantId, 'customer', bill.customer_id);
          const details = bill.details ?? [];
          const parsed = details.map(billDetail);
          // The details that are lines, with their wire index; the engine's lines partition the ticket.
          const wireIndex = parsed.flatMap((d, i) => (d.kind === 'info' ? [] : [i]));
          const mapped = billLines(
            total,
            wireIndex.map((i) => parsed[i] as BillDetail),
          );
          if (!mapped.ok) throw new HttpError('INVALID_SALE_LINES', mapped.message);
          const { lines, sources } = mapped.value;
          assertSaleInBounds(deps, { date: bill.date, lines });
          const storeCode = await shopStoreCode(deps, merchantId);
          if (storeCode === undefined) throw new HttpError('STORE_NOT_FOUND', 'The shop has no store.');
          // A jeton comes back after its replay window: the request id keeps the receipt unique.
          const jeton = fidelisaHeader(request, 'FIDELISA_JETON') ?? '';
          const posted = unwrap(
            await postBill(deps, callerOf(request), merchantId, {
              receipt: `fidelisa-${jeton}-${request.id.slice(request.id.indexOf('_') + 1)}`,
              date: bill.date,
              storeCode,
              customerId,
              lines,
            }),
          );
          const unusedLines = new Set(
            unusedDetails(posted.unusedLineNos, sources, wireIndex.length).map((k) => wireIndex[k]!),
          );
          const errors = parsed.flatMap((d, index) => {
            const notUsed = d.kind === 'info' ? !infoUsed(d, posted.ruleKinds) : unusedLines.has(index);
            if (!notUsed) return [];
            const w = details[index]!;
            return [
              {
                type: w.type,
                ...(w.item !== undefined ? { item: w.item } : {}),
                amount: text(w.amount),
                ...(w.quantity !== undefined ? { quantity: text(w.quantity) } : {}),
                error: 'Not Use',
              },
            ];
          });
          return reply.code(201).send({ bill: { date: bill.date, total: formatAmount(total) }, errors });
        },
      );
    }

    const correction = {
      preValidation: acceptUnwrapped('correction'),
      schema: {
        tags,
        summary:
          "Credit points to a customer's card (card_id may be left out when the customer has one card)",
        description: 'Fidelisa manual correction. 404 for an unknown customer or card.',
        body: CorrectionBody,
        response: { 201: CorrectionAnswer, ...shopErrors },
      },
    };
    for (const url of ['/api/corrections', '/api/corrections/']) {
      const options = { ...correction, schema: { ...correction.schema, hide: url.endsWith('/') } };
      app.post(url, options, async (request, reply) => {
        const merchantId = shopOf(request);
        const c = request.body.correction;
        const points = toInt(c.points);
        const wrong = pointsProblem('points', points);
        if (wrong !== undefined) throw new HttpError('VALIDATION_FAILED', wrong);
        const customerId = await nativeId(deps, merchantId, 'customer', c.customer_id);
        const cardId =
          c.card_id === undefined ? undefined : await nativeId(deps, merchantId, 'card', c.card_id);
        const card = unwrap(
          await correctCustomerPoints(deps, callerOf(request), merchantId, {
            customerId,
            cardId,
            points,
            reason: 'Fidelisa correction',
          }),
        );
        const cardUuid = await uuidOf(deps, merchantId, 'card', card.card.id);
        return reply.code(201).send({
          correction: { points, customer_id: c.customer_id, card_id: cardUuid },
          card: cardOut(cardUuid, card),
        });
      });
    }
  };
}
