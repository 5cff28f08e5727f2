/** The two import batches of the demo network (spec/mmp.md §8.3), as the member garages' DMS export them. */
const CLIENT_HEADER =
  'workshopNationalId;clientDmsId;clientCivility;clientLastName;clientFirstName;clientCompanyName;clientAddress1;clientAddress2;clientPostalCode;clientCity;clientHomePhone;clientMobilePhone;clientProfessionalPhone;clientEmail;clientPrivacyHomePhone;clientPrivacyMobilePhone;clientPrivacyProfessionalPhone;clientPrivacyEmail;clientPrivacyPostal;vehicleRegistrationPlate;vehicleBrand;vehicleModel;vehicleVariant;vehicleReleaseDate;vehicleLastVisitDate;vehicleVIN;vehicleLastVisitMileage;vehicleLastTechnicalControlDate;vehicleNextTechnicalControlDate;vehicleLastAntipollutionControlDate;vehicleNextAntipollutionControlDate';
const INVOICE_HEADER =
  'workshopNationalId;clientDmsId;invoiceDmsId;invoiceDate;invoiceAmount;vehicleVIN;vehicleMileage;vehicleRegistrationPlate;packageCode;packageLabel;jobCode;jobLabel;partQuantity;partReference;partBrand;partLabel';

const file = (header: string, rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';

export const BATCH_1 = {
  organizationId: 78650,
  clients: file(CLIENT_HEADER, [
    '53278430100014;C-09871;Mme;RICHARD;SOPHIE;;4 RUE DU MOULIN;;55200;COMMERCY;;;0329910000;s.richard@mail.fr;0;0;1;1;0;;;;;;;;;;;;',
    '53278430100014;C-10442;M;DUPONT;PHILIPPE;;12 RUE DES ECOLES;;55200;COMMERCY;;0612345678;;p.dupont@mail.fr;0;0;0;0;0;ABC123;CITROEN;C5;;;2020-09-01;;52032;;;;',
  ]),
  factures: file(INVOICE_HEADER, [
    '44306184100047;A-7731;38112;2018-01-30;89.9;;70371;ABC123;;;C;Remplacement Du Liquide De Freins;;;;',
    '44306184100047;A-7731;24177;2011-09-26;181.6;;11001;ABC123;;;D;Diagnostic electronique;1.4;;;',
    '44306184100047;A-7731;40475;2020-01-30;932.87;;96753;ABC123;;;;;1;425405;CITROEN;JEU 4 PLAQ',
    "44306184100047;A-7731;40475;2020-01-30;932.87;;96753;ABC123;;;T1;Main d'oeuvre atelier;1.4;;;",
  ]),
};

export const BATCH_2 = {
  organizationId: 78612,
  clients: file(CLIENT_HEADER, [
    '32635721700024;5678;Mr;DUPONT PHILLIPE;;;12 RUE DES ECOLES;;55200;COMMERCY;;06 12 34 56 78;;;0;0;0;0;0;ABC123;Renault;MEGANE;VF7RDRFJC9L554165;2009-09-30;2016-02-23;;62380;2017-09-30;;;',
    '32635721700024;5702;Mr;LEFEBVRE CHRISTINE;;;3 PLACE DU CHATEAU;;55200;COMMERCY;;0687654321;;;0;0;0;0;0;DEF123;Dacia;SANDERO;;2015-03-20;2021-03-02;;61250;;;;',
    '32635721700024;6120;M;EMMANUEL;WILLIS;;9 AVENUE STANISLAS;;55200;COMMERCY;;0630553444;0329920000;w.emmanuel@mail.com;0;1;1;1;0;;;;;;;;;;;;',
  ]),
  factures: file(INVOICE_HEADER, [
    '32635721700024;5678;26187;2012-06-20;297.79;;20544;ABC123;;;M1;- Revision - Operations Systematiques - 93820000;1.4;;;',
    '32635721700024;5678;26187;2012-06-20;297.79;;20544;ABC123;;;;;4.5;5W30-5L;TOTAL;HUILE 5W30',
    '32635721700024;5678;31904;2016-02-23;214.5;;62380;ABC123;FAIR;FORFAIT FILTRE A AIR;;;1;A1631;PURFLUX;FILTRE A AIR',
  ]),
};
