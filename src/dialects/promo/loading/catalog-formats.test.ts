import { describe, expect, it } from 'vitest';
import { catalogFormat, itemOperation } from './catalog-formats.js';

// §5.2.1: the 38 named catalogs with a documented format, and CatalogAdditionalField00–19.
const DOCUMENTED = [
  'Card',
  'catalogBrand',
  'catalogChannel',
  'CatalogCountry',
  'CatalogState',
  'CatalogCity',
  'catalogCreditCampaignCode',
  'catalogCurrencyCode',
  'CatalogCustomer',
  'CatalogIdType',
  'CatalogGender',
  'CatalogCustomerType',
  'catalogDepartment',
  'catalogEventTransaction',
  'catalogEventTransactionType',
  'catalogFamily',
  'catalogCategory',
  'catalogSubCategory',
  'catalogFormat',
  'catalogItem',
  'catalogStore',
  'catalogItemStock',
  'catalogPaymentBank',
  'CatalogPaymentCode',
  'catalogPaymentPrefix',
  'catalogPaymentType',
  'catalogPocket',
  'catalogProfileCode',
  'catalogStoreChain',
  'catalogSupplier',
  'catalogZone',
  'catalogSubZone',
  'CatalogRedeemBenefit',
  'CatalogProductCode',
  'CatalogProductBarcode',
  'CatalogBalance',
  'CatalogExclusionDates',
  'CatalogCardAssign',
];

describe('catalog formats', () => {
  it('knows every documented catalog id, in either casing', () => {
    expect(DOCUMENTED).toHaveLength(38);
    for (const id of [
      ...DOCUMENTED,
      ...Array.from({ length: 20 }, (_, i) => `CatalogAdditionalField${String(i).padStart(2, '0')}`),
    ]) {
      expect(catalogFormat(id)?.id.toLowerCase(), id).toBe(id.toLowerCase());
      expect(catalogFormat(id.toUpperCase())).toBe(catalogFormat(id));
    }
    expect(catalogFormat('catalogAdditionalField05')?.id).toBe('CatalogAdditionalField05');
    // Named by the manual without a format: not accepted.
    for (const id of ['CatalogContractPriceList', 'CatalogInfoFinancial', 'CatalogExtendWarranty'])
      expect(catalogFormat(id)).toBeUndefined();
  });

  it.each([
    ['catalogBrand', 'I', 'insert'],
    ['catalogBrand', 'u', 'update'],
    ['catalogBrand', 'R', 'remove'],
    ['catalogBrand', 'UI', 'upsert'],
    ['catalogBrand', 'IU', 'upsert'],
    ['catalogBrand', 'D', 'delete-by-code'],
    ['CatalogCustomer', 'D', 'delete-by-code'],
    ['CatalogGender', 'D', 'delete-by-code'],
    ['CatalogCountry', 'D', 'delete-by-code'],
    ['CatalogCity', 'D', 'NOT_ALLOWED'],
    ['CatalogState', 'D', 'NOT_ALLOWED'],
    ['catalogItemStock', 'D', 'NOT_ALLOWED'],
    ['CatalogRedeemBenefit', 'D', 'NOT_ALLOWED'],
    ['Card', 'D', 'NOT_ALLOWED'],
    ['Card', 'UI', 'NOT_ALLOWED'],
    ['CatalogCardAssign', 'UI', 'NOT_ALLOWED'],
    ['catalogBrand', 'X', 'INVALID'],
    ['catalogBrand', undefined, 'INVALID'],
  ])('%s operation %s → %s', (catalog, op, expected) => {
    expect(itemOperation(op, catalogFormat(catalog)!)).toBe(expected);
  });
});
