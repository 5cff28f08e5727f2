/** Documented examples of the coupon, limit and promotion queries (spec §3.2–§3.4, §3.7), for /openapi.json. */
export const COUPON_EXAMPLE = {
  _id: '64a86490ab7b181240232917',
  companyId: 'napse',
  transactionId: '2_3_1_20230707160000',
  couponType: '6',
  issuedDate: '2023-07-07T19:16:31Z',
  customerId: '1',
  couponStatus: 'ACTIVE',
  validFrom: '2023-07-07T03:00:00Z',
  validTo: '2024-01-01T02:59:59Z',
  usedTimes: 0,
  consumed: false,
  couponFormat: 'PRINTED',
  emitPromotion: 'Promo Invierno',
  storeCode: '3',
  terminalCode: '1',
  maxUsageTimes: 1,
  barcode: '1050030016471',
  amount: 0.0,
  generatedHTML: '1050030016471\r\n\r\n07/07/2023 00:00\r\n\r\n31/12/2023 23:59',
  couponHistory: [{ date: '2023-07-07T19:17:00Z', couponAction: 'CREATE', storeCode: '3' }],
};

export const COUPON_STATEMENTS_EXAMPLE = [
  {
    transactionId: 'napse_napse_1_20220830120000',
    action: 'Emisión',
    terminal: '1',
    couponType: 'cimp',
    customerId: '1',
    amount: '-',
    store: 'napse',
    datetime: '30/08/2022 11:08',
    couponCode: '116pse0018828',
  },
];

export const LIMIT_STATUS_EXAMPLE = {
  customerId: '85001',
  companyId: 'napse',
  limitsDetail: [
    {
      _id: '603a437c1082e83690817050',
      promotionId: '603a319c1082e83690816f95',
      benefitId: '603a31b81082e83690816f9c',
      promotionCode: '3',
      promotionName: 'limite cliente',
      limitId: '603a31b61082e83690816f9b',
      scope: 'CUSTOMER',
      period: 'UNDEFINED',
      maxValue: 5.0,
      customerId: '85001',
      storeId: '-',
      numberDays: 0,
      nextReset: '2021-02-27T03:00:00+0000',
      lastReset: '2021-02-27T03:00:00+0000',
      companyId: 'napse',
      limitTypeCode: 'benefitApplicationCount',
      description: null,
      lastUpdate: '2021-02-27T13:05:00+0000',
      active: true,
      currentValue: 1.0,
    },
  ],
};

export const PROMOTION_AVAILABLE_EXAMPLE = [
  {
    mapVersion: '90',
    code: 'descuento',
    name: 'Promo Descuentos',
    conditionSimple: 'Productos con Aplica a TODOS',
    conditionCombo: '',
    conditionDate: '',
    benefitTypeDescription: '<p>1.- Monetario</p><br/>',
    benefitClassDescription: '<p>1.- Descuento porcentaje</p><br/>',
    benefit:
      '<p>1.- Productos con Aplica a TODOS. El siguiente porcentaje (%) 30. Por cada unidad de Cantidad. Prorratear entre Participantes No. Valor de Recupero 0. Tipo de Recupero -. Balance - Límites de aplicación Tipo de límite: Cliente Descripción: - Periodo a contabilizar: Indefinido Limitar por: Cantidad de dinero Valor: 5000 </p> ',
    promotionType: '1',
    promotionSubType: '1',
    promotionApplicationForm: '1',
  },
];
