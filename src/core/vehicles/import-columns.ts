/** The columns of the two files of a clients-and-invoices import (spec/mmp.md §7.3, §7.4). */
export type ColumnType =
  'siret' | 'text' | 'date' | 'integer' | 'decimal2' | 'decimal3' | 'boolean' | 'plate';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  max?: number;
  /** Latest date allowed, relative to today: 'today', 'tomorrow' or 'tenYears'. */
  until?: 'today' | 'tomorrow' | 'tenYears';
}

const col = (name: string, type: ColumnType, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  required: false,
  ...extra,
});
const text = (name: string, max: number, required = false) => col(name, 'text', { max, required });

export const CLIENT_COLUMNS: readonly ColumnSpec[] = [
  col('workshopNationalId', 'siret', { required: true }),
  text('clientDmsId', 50, true),
  text('clientCivility', 20),
  text('clientLastName', 100),
  text('clientFirstName', 100),
  text('clientCompanyName', 100),
  text('clientAddress1', 255),
  text('clientAddress2', 255),
  text('clientPostalCode', 10),
  text('clientCity', 100),
  text('clientHomePhone', 30),
  text('clientMobilePhone', 30),
  text('clientProfessionalPhone', 30),
  text('clientEmail', 255),
  col('clientPrivacyHomePhone', 'boolean'),
  col('clientPrivacyMobilePhone', 'boolean'),
  col('clientPrivacyProfessionalPhone', 'boolean'),
  col('clientPrivacyEmail', 'boolean'),
  col('clientPrivacyPostal', 'boolean'),
  col('vehicleRegistrationPlate', 'plate', { max: 20 }),
  text('vehicleBrand', 100),
  text('vehicleModel', 100),
  text('vehicleVariant', 100),
  col('vehicleReleaseDate', 'date', { until: 'today' }),
  col('vehicleLastVisitDate', 'date', { until: 'today' }),
  text('vehicleVIN', 20),
  col('vehicleLastVisitMileage', 'integer'),
  col('vehicleLastTechnicalControlDate', 'date', { until: 'today' }),
  col('vehicleNextTechnicalControlDate', 'date', { until: 'tenYears' }),
  col('vehicleLastAntipollutionControlDate', 'date', { until: 'today' }),
  col('vehicleNextAntipollutionControlDate', 'date', { until: 'tenYears' }),
];

/** Required in the header though a row may leave them empty (one of the two names is required per row). */
export const CLIENT_HEADER_REQUIRED = ['clientLastName', 'clientCompanyName', 'vehicleRegistrationPlate'];

export const INVOICE_COLUMNS: readonly ColumnSpec[] = [
  col('workshopNationalId', 'siret', { required: true }),
  text('clientDmsId', 50, true),
  text('invoiceDmsId', 50, true),
  col('invoiceDate', 'date', { required: true, until: 'tomorrow' }),
  col('invoiceAmount', 'decimal2', { required: true }),
  text('vehicleVIN', 20),
  col('vehicleMileage', 'integer'),
  col('vehicleRegistrationPlate', 'plate', { required: true, max: 20 }),
  text('packageCode', 50),
  text('packageLabel', 255),
  text('jobCode', 50),
  text('jobLabel', 255),
  col('partQuantity', 'decimal3'),
  text('partReference', 50),
  text('partBrand', 50),
  text('partLabel', 255),
];

/** The columns of a line (the rest is the invoice header). */
export const LINE_COLUMNS = [
  'packageCode',
  'packageLabel',
  'jobCode',
  'jobLabel',
  'partQuantity',
  'partReference',
  'partBrand',
  'partLabel',
] as const;

/** Header columns every row of one invoice must agree on. */
export const INVOICE_HEADER_COLUMNS = [
  'clientDmsId',
  'invoiceDate',
  'invoiceAmount',
  'vehicleVIN',
  'vehicleMileage',
  'vehicleRegistrationPlate',
] as const;
