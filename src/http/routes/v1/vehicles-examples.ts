/** Examples of the vehicles routes (the demo network trif of spec/mmp.md §8). */
export const MEMBER_EXAMPLE = {
  memberId: 78612,
  storeId: 'sto_01m8jfx0yh4f5z3xzsg7sk2dw6',
  posCode: '417728CZ',
  tradeName: 'SAS GARAGE DU PONT',
  shortName: 'SAS GARAGE',
  siret: '32635721700024',
  active: true,
};

export const OVERRIDE_EXAMPLE = { intervalKm: 200000 };

export const CATALOG_EXAMPLE = {
  id: 4,
  label: 'Filtre à air',
  intervalKm: 200000,
  intervalMonths: null,
  checkBased: false,
  forecastFromNew: true,
  active: true,
  override: OVERRIDE_EXAMPLE,
};

export const CAMPAIGN_ORDER_EXAMPLE = {
  memberId: 78612,
  label: 'Septembre 2021',
  predictionMonth: '2021-09-01',
  windowMonths: 1,
  lookbackMonths: 0,
  operations: [{ jobId: 14, promotionLabel: '-10%' }],
  channels: ['sms', 'email', 'courrier'],
};

export const CAMPAIGN_EXAMPLE = {
  campaignId: 1500,
  memberId: 78612,
  diffusedAt: '2021-08-17T07:30:00.000Z',
  targets: [
    {
      clientId: 58445958,
      plate: 'ABC123',
      jobId: 14,
      due: '2021-09-01',
      channels: { sms: true, email: false, courrier: true },
      messages: 1,
    },
  ],
};

export const COURRIER_EXAMPLE =
  '\ufeffcampaignId;clientId;clientDmsId;civilite;prenom;nom;raisonSociale;adresse1;adresse2;codePostal;ville;immatriculation;marque;modele;operationId;operationLabel;promotion\r\n' +
  "1500;58445958;5678;Mr;;DUPONT PHILLIPE;;12 RUE DES ECOLES;;55200;COMMERCY;ABC123;Renault;MEGANE;14;Plaquettes de frein;'-10%\r\n";
