/**
 * The catalogs of POST /promo/api/rest/catalogs (spec §5.2.1): each catalog id (matched case-insensitively),
 * how its items are stored in the engine, the fields it keeps, and which operations it accepts.
 */
import type { ReferenceCatalog } from '../../../app/elements/reference-data.js';

export type CatalogKind =
  | { kind: 'code'; nameField: string | null; fields: string[]; unique: boolean; deleteByCode: boolean }
  | {
      kind: 'reference';
      catalog: ReferenceCatalog;
      parentField: string | null;
      parentCatalog?: ReferenceCatalog;
    }
  | { kind: 'customer' }
  | { kind: 'card' }
  | { kind: 'exclusion' }
  | { kind: 'redeem' }
  | { kind: 'assign' };

export interface CatalogFormat {
  /** The catalog id as the manual writes it. */
  id: string;
  format: CatalogKind;
}

const code = (
  fields: string[],
  options: { nameField?: string | null; unique?: boolean; deleteByCode?: boolean } = {},
): CatalogKind => ({
  kind: 'code',
  fields,
  nameField: options.nameField === undefined ? 'name' : options.nameField,
  unique: options.unique ?? false,
  deleteByCode: options.deleteByCode ?? true,
});

const NAMED = [
  'catalogBrand',
  'catalogChannel',
  'catalogDepartment',
  'catalogEventTransaction',
  'catalogEventTransactionType',
  'catalogFamily',
  'catalogFormat',
  'catalogStore',
  'catalogPaymentBank',
  'catalogPaymentPrefix',
  'catalogPaymentType',
  'catalogPocket',
  'catalogProfileCode',
  'catalogStoreChain',
  'catalogSupplier',
  'catalogZone',
  'catalogSubZone',
  'CatalogProductCode',
  'CatalogProductBarcode',
];

const FORMATS: CatalogFormat[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `CatalogAdditionalField${String(i).padStart(2, '0')}`,
    format: code(['code', 'name']),
  })),
  ...NAMED.map((id) => ({ id, format: code(['code', 'name']) })),
  { id: 'catalogCreditCampaignCode', format: code(['code', 'description'], { nameField: 'description' }) },
  { id: 'catalogCurrencyCode', format: code(['code', 'description'], { nameField: 'description' }) },
  { id: 'catalogCategory', format: code(['code', 'name', 'familyCode'], { unique: false }) },
  { id: 'catalogSubCategory', format: code(['code', 'name', 'categoryCode']) },
  {
    id: 'catalogItem',
    format: code(
      [
        'code',
        'name',
        'unitprice',
        'level1',
        'level2',
        'level3',
        'level4',
        'supplier',
        'brand',
        'detail',
        'detail2',
      ],
      { unique: true },
    ),
  },
  {
    id: 'catalogItemStock',
    format: code(['store', 'code', 'stock'], { nameField: 'store', deleteByCode: false }),
  },
  { id: 'CatalogPaymentCode', format: code(['codeType', 'name', 'code']) },
  {
    id: 'CatalogBalance',
    format: code(['code', 'descripcion'], { nameField: 'descripcion', deleteByCode: false }),
  },
  { id: 'CatalogCountry', format: { kind: 'reference', catalog: 'country', parentField: null } },
  {
    id: 'CatalogState',
    format: { kind: 'reference', catalog: 'state', parentField: 'country', parentCatalog: 'country' },
  },
  {
    id: 'CatalogCity',
    format: { kind: 'reference', catalog: 'city', parentField: 'state', parentCatalog: 'state' },
  },
  { id: 'CatalogIdType', format: { kind: 'reference', catalog: 'identification-type', parentField: null } },
  { id: 'CatalogGender', format: { kind: 'reference', catalog: 'gender', parentField: null } },
  { id: 'CatalogCustomerType', format: { kind: 'reference', catalog: 'customer-type', parentField: null } },
  { id: 'CatalogCustomer', format: { kind: 'customer' } },
  { id: 'Card', format: { kind: 'card' } },
  { id: 'CatalogExclusionDates', format: { kind: 'exclusion' } },
  { id: 'CatalogRedeemBenefit', format: { kind: 'redeem' } },
  { id: 'CatalogCardAssign', format: { kind: 'assign' } },
];

const BY_ID = new Map(FORMATS.map((f) => [f.id.toLowerCase(), f]));

/** The catalog of an id as sent ("catalogBrand", "CatalogBrand", ...), or undefined. */
export function catalogFormat(id: string): CatalogFormat | undefined {
  return BY_ID.get(id.toLowerCase());
}

/** Catalogs whose items may not use deleteAllCollectionFirst nor the insert-or-update operation. */
export function isElementCatalog(f: CatalogFormat): boolean {
  return f.format.kind === 'card' || f.format.kind === 'assign';
}

/** Operations of an item: I, U, R, UI/IU (insert or update), D (delete by code, since 7.2.3). */
export type ItemOperation = 'insert' | 'update' | 'upsert' | 'remove' | 'delete-by-code';

export function itemOperation(value: unknown, f: CatalogFormat): ItemOperation | 'INVALID' | 'NOT_ALLOWED' {
  const op = typeof value === 'string' ? value.trim().toUpperCase() : '';
  switch (op) {
    case 'I':
      return 'insert';
    case 'U':
      return 'update';
    case 'R':
      return 'remove';
    case 'UI':
    case 'IU':
      return isElementCatalog(f) ? 'NOT_ALLOWED' : 'upsert';
    case 'D': {
      const k = f.format;
      const allowed =
        (k.kind === 'code' && k.deleteByCode) ||
        k.kind === 'customer' ||
        (k.kind === 'reference' && k.parentField === null);
      return allowed ? 'delete-by-code' : 'NOT_ALLOWED';
    }
    default:
      return 'INVALID';
  }
}
