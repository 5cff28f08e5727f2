/** The manual's examples of the promotions report (§3.8) and the limit statements (§3.9). */
export const REPORT_RECORD = {
  transactionId: 'xx_0621_002_20201202123540',
  offline: false,
  unitPrice: 10400.0,
  benefitClass: 'Cupón',
  itemCode: '1580203',
  discountApply: 0.0,
  deploymentChannels: 'Punto de venta',
  date: '02/12/2020 04:35',
  transactionType: 'Venta',
  campaign: 'Mercadeo',
  quantity: 1.0,
  promotionCode: '10549',
  promotionName: 'MY PROMO-10549',
  store: '0621 - MY STORE ',
  subTotal: 10400.0,
  conditionTimeRange: '\r\nEntre las fechas con horario 26/11/2020 02:00-06/12/2020 01:59\r\n',
};

export const REPORT_EXAMPLE = {
  'records:': JSON.stringify([REPORT_RECORD]),
  header: { total: 504, offset: 500, limit: 25 },
};

export const LIMIT_STATEMENTS_EXAMPLE = [
  {
    promotionName: 'PromoLimite',
    promotionCode: null,
    benefitType: 'Monetario',
    benefitClass: 'Descuento porcentaje',
    limitScope: 'General',
    limitType: 'Cantidad de productos beneficiados',
    store: '',
    customer: '',
    limitOriginalValue: '3.00',
    limitCurrentValue: '1.00',
    storeCode: '-',
    detail: [
      {
        date: '09/11/2022 10:37',
        transaction: 'napse_napse_1_20221109120000',
        operation: 'Venta',
        store: 'napse',
        terminal: '1',
        customer: '',
        initialValue: '0.00',
        transactionValue: '1.00',
        finalValue: '1.00',
      },
    ],
  },
];
