/**
 * ISO 4217 currencies in circulation and their minor units (the number of decimals of an amount). Amounts
 * are integers in minor units: 1250 EUR is 12.50 €, 1250 JPY is ¥1250, 1250 KWD is 1.250 KD.
 * Funds codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW) are included; metals and test codes are not.
 */
const CODES =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
  'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
  'NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD ' +
  'SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV ' +
  'WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG';

/** Minor units other than 2. */
const MINOR_UNITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(CODES.split(' '));

export interface Currency {
  code: string;
  minorUnits: number;
}

/** The currency with this ISO 4217 code (upper case), or undefined if it is not one in circulation. */
export function findCurrency(code: string): Currency | undefined {
  if (!KNOWN.has(code)) return undefined;
  return { code, minorUnits: MINOR_UNITS[code] ?? 2 };
}

export function listCurrencies(): Currency[] {
  return [...KNOWN].map((code) => ({ code, minorUnits: MINOR_UNITS[code] ?? 2 }));
}
