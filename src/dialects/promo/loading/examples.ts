/** The manual's data-loading examples (§5, §6), shown on /docs; the demo company napse answers them. */
export const CATALOG_REQUEST = {
  companyId: 'napse',
  catalog: 'catalogBrand',
  params: [],
  items: [
    { code: '1', name: 'Nintendo', operation: 'I' },
    { code: '2', name: 'Electronic Arts', operation: 'I' },
    { code: '3', name: 'Activision Inc.', operation: 'I' },
  ],
};
export const CATALOG_RESPONSE = {
  status: '200',
  description: 'catalogBrand',
  detail: {
    result: 'ok',
    detail:
      'Se generó con éxito el registro de importación. Puede ver su estado correspondiente en el monitor de importación.',
  },
};
export const CATALOG_ERROR = {
  status: '400',
  description: 'CatalogExclusionDates',
  detail: { result: 'error', detail: 'El código de compañía napse no pertenece a una compañía existente.' },
};
export const PRICE_LIST_REQUEST = {
  companyId: 'napse',
  store: 'napse',
  items: [
    {
      sku: '0527-1537',
      salePrice: 69406.77,
      costPrice: 50942.13,
      saleCreditPrice: 119716.68,
      magnitudePrice: 829,
      measuredUnit: 'cm3',
      supplierItem: 'PR3',
      supplierFinancial: 'PR2',
      supplierItemAmount: 52471,
      supplierFinancialAmount: 53604,
      saleWholesalePrice: 31858,
      saleWholesaleLimit: 6081,
      limit: 794,
      enabledDate: '2018-12-25T10:42:25Z',
      discountable: true,
      manualDiscount: false,
    },
  ],
};
export const PRICE_LIST_RESPONSE = {
  status: 'Informacion Recibida OK',
  description: 'La lista de precios será procesada',
};
export const PROMOTION_IMPORT_REQUEST = {
  companyId: 'napse',
  promotions: [{ operation: 'R', code: 'Promo1' }],
};
export const PROMOTION_IMPORT_RESPONSE = {
  status: 'Información Recibida OK',
  description: 'La importación de promociones será procesada',
};
export const LIMITS_REQUEST = {
  companyId: 'napse',
  limits: [
    {
      operation: 'I',
      promotionName: 'Limites promocionais 3',
      benefitId: '62d575e6c1ac1f2fe0707033',
      limitId: '',
      limitScope: 'STORE',
      storeCode: 'napse',
      description: '',
      limitPeriod: 'DAY',
      numberDays: '5',
      limitTypeCode: 'benefiedProductCount',
      value: '2',
    },
  ],
};
export const IMPORT_MONITOR_RESPONSE = {
  id: 'imp_01m8jfx0yh4f5z3xzsg7sk2dw5',
  type: 'catalogBrand',
  status: 'PROCESADO',
  received: '2026-11-29T03:00:00Z',
  finished: '2026-11-29T03:00:01Z',
  total: 3,
  ok: 2,
  errors: 1,
  counts: { processed: 3, ok: 2, errors: 1, inserted: 2 },
  errorDetails: [{ rec: 3, code: 'ALREADY_EXISTS', msg: 'already exists' }],
};

export const SEGMENTS_REQUEST = {
  companyId: 'napse',
  params: [{ segmentCode: 'ts02c', deleteAllCollectionFirst: 'false' }],
  items: [
    { operation: 'R', customer: 'c1' },
    { operation: 'UI', customer: 'c2' },
    { operation: 'R', customer: 'c3' },
    { operation: 'I', customer: 'c4' },
  ],
};
export const SEGMENTS_RESPONSE = {
  status: 200,
  description: 'customerSegment',
  detail: {
    result: 'ok',
    detail: '',
    updated: 1,
    ignored: 0,
    inserted: 0,
    removed: 0,
    errors: 3,
    processed: 4,
    errorDetails: [
      { rec: 1, customer: 'c1', msg: 'not found' },
      { rec: 3, customer: 'c3', msg: 'not found' },
      { rec: 4, customer: 'c4', msg: 'already exists' },
    ],
  },
};
export const COUPONS_REQUEST = {
  companyId: 'napse',
  params: [],
  items: [
    {
      operation: 'CREATE',
      barcode: 'ABC345',
      type: 'mytype',
      email: '[email protected]',
      amount: '100',
      customerId: 'mycustomer',
    },
    { operation: 'REDEEM', barcode: 'ABC344', type: 'mytype', email: '', amount: '0', customerId: '' },
    { operation: 'VOID', barcode: 'ABC343', type: 'mytype', email: '', amount: '0', customerId: '' },
  ],
};
export const COUPONS_RESPONSE = {
  status: 200,
  description: 'rest::couponAdmin',
  detail: {
    result: 'ok',
    detail: '',
    updated: 1,
    ignored: 0,
    inserted: 1,
    removed: 0,
    errors: 1,
    processed: 3,
    errorDetails: [{ rec: 3, code: 'ABC343', info: 'not found' }],
    successDetails: [
      { rec: 1, code: 'ABC345' },
      { rec: 2, code: 'ABC344' },
    ],
  },
};
export const CUSTOMER_DELETE_REQUEST = {
  companyId: 'napse',
  params: [],
  items: [{ code: 'borrar1', operation: 'D' }],
};
export const CUSTOMER_DELETE_RESPONSE = {
  status: '200',
  description: 'Cliente (s) Eliminado (s)',
  detail: [{ result: 'ok', detail: 'Cliente (s) Eliminado (s)' }],
};
