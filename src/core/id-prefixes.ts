/**
 * The one table of id prefixes: every id Tessera makes is `<prefix>_<time><random>` (src/app/ids.ts), and the
 * prefix says what it names, so an id pasted in a support ticket or a log line is recognisable at a glance.
 * A new kind of record adds its prefix here; `newId` accepts no other.
 */
export const ID_PREFIXES = {
  provider: 'prv',
  merchant: 'mer',
  store: 'sto',
  terminal: 'trm',
  user: 'usr',
  client: 'cli',
  customer: 'cus',
  program: 'prg',
  card: 'card',
  lot: 'lot',
  movement: 'mov',
  allocation: 'alc',
  sale: 'sale',
  saleReturn: 'ret',
  voucher: 'vch',
  voucherUse: 'vus',
  stepReward: 'stp',
  gift: 'gft',
  giftAward: 'gaw',
  message: 'msg',
  deliveryAttempt: 'att',
  event: 'evt',
  webhook: 'whk',
  pushSubscription: 'psb',
  campaign: 'cmp',
  automation: 'aut',
  import: 'imp',
  couponType: 'cpt',
  coupon: 'cpn',
  couponEvent: 'cph',
  promotionLimit: 'lim',
  promotionMap: 'pmv',
  segment: 'seg',
  elementMovement: 'emv',
  agreement: 'agr',
  catalogEntry: 'cte',
  logEntry: 'log',
  request: 'req',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

const KNOWN = new Set<string>(Object.values(ID_PREFIXES));

/** The kind of record an id names, from its prefix (undefined for an id Tessera did not make). */
export function idKindOf(id: string): IdKind | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  if (!KNOWN.has(prefix)) return undefined;
  return (Object.keys(ID_PREFIXES) as IdKind[]).find((kind) => ID_PREFIXES[kind] === prefix);
}
