/** MMP Vision 360 dialect: replays of spec/mmp.md §8.6 field by field, the tests of §8.7, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VEHICLES_DEMO } from '../demo/demo-vehicles.js';
import { BATCH_2 } from '../demo/batches.js';
import { runCampaign } from '../../../app/vehicles/run-campaign.js';
import { findNetwork, listMembers } from '../../../app/vehicles/network.js';
import { setClientFlags } from '../../../app/vehicles/setup.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { BASE, counts, json, mmpToken, upload, vehicle, zipOf } from './mmp-support.js';

const REFERENCE = Date.parse('2022-03-22T10:00:00Z');

describe.each(databases())('MMP Vision 360 on $kind', (target) => {
  let h: Harness;
  let clock = REFERENCE;
  let token: string;
  let memberToken: string;
  beforeAll(async () => {
    h = await createHarness(target, { now: () => new Date(clock) });
    token = await mmpToken(h, VEHICLES_DEMO.networkUser);
    memberToken = await mmpToken(h, VEHICLES_DEMO.memberUser);
  });
  afterAll(async () => h?.close());

  describe('authentication (§2)', () => {
    const tokenCall = (payload: Record<string, unknown>) =>
      h.app.inject({ method: 'POST', url: '/mmp/api/v1/service-authentification/token', payload });
    const good = {
      grant_type: 'password',
      client_id: '2',
      client_secret: 'mmp-demo-secret',
      username: VEHICLES_DEMO.networkUser.login,
      password: 'demo-password',
    };

    it('answers the RFC 6749 token with a 7200 s lifetime and no-store', async () => {
      const res = await tokenCall({ ...good, client_id: 2 });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
      expect(body.access_token.length).toBeGreaterThanOrEqual(40);
    });

    it('refuses a wrong password, a wrong secret and another grant with the oauth2-server answers', async () => {
      const wrongPassword = await tokenCall({ ...good, password: 'nope' });
      expect(wrongPassword.statusCode).toBe(400);
      expect(wrongPassword.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'The user credentials were incorrect.',
        message: 'The user credentials were incorrect.',
      });
      const wrongSecret = await tokenCall({ ...good, client_secret: 'nope' });
      expect(wrongSecret.statusCode).toBe(401);
      expect(wrongSecret.json().error).toBe('invalid_client');
      const grant = await tokenCall({ ...good, grant_type: 'client_credentials' });
      expect(grant.statusCode).toBe(400);
      expect(grant.json().error).toBe('unsupported_grant_type');
      const missing = await tokenCall({ grant_type: 'password', client_id: '2' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toBe('invalid_request');
    });

    it('renews with a single-use refresh token', async () => {
      const first = (await tokenCall(good)).json();
      const refresh = {
        grant_type: 'refresh_token',
        client_id: '2',
        client_secret: 'mmp-demo-secret',
        refresh_token: first.refresh_token,
      };
      const renewed = await tokenCall(refresh);
      expect(renewed.statusCode).toBe(200);
      expect((await vehicle(h, renewed.json().access_token, 'previsions')).statusCode).toBe(200);
      const again = await tokenCall(refresh);
      expect(again.statusCode).toBe(401);
      expect(again.json()).toMatchObject({
        error: 'invalid_request',
        message: 'The refresh token is invalid.',
      });
    });

    it('answers the 401 envelope without a token, in French by default', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: `${BASE}/vehicule/vision360`,
        payload: { immatriculation: 'ABC123' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        success: false,
        data: [],
        message: 'Non authentifié.',
        errors: { token: ["Le jeton d'accès est absent, invalide ou expiré."] },
      });
    });

    it('refuses a token 7200 s after issue', async () => {
      const t = await mmpToken(h, VEHICLES_DEMO.networkUser);
      clock = REFERENCE + 7199_000;
      expect((await vehicle(h, t, 'client')).statusCode).toBe(200);
      clock = REFERENCE + 7200_000;
      const res = await vehicle(h, t, 'client');
      clock = REFERENCE;
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ success: false, message: 'Unauthenticated.' });
    });

    it('refuses a token of network autre on trif (403) and an unknown network (404)', async () => {
      const other = await mmpToken(h, VEHICLES_DEMO.otherUser);
      const res = await vehicle(h, other, 'vision360');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({
        success: false,
        data: [],
        message: 'This action is unauthorized.',
        errors: { reseau: ['This action is unauthorized.'] },
      });
      const unknown = await h.app.inject({
        method: 'POST',
        url: '/mmp/api/v1/nowhere/service-external-client/vehicule/client?lang=en',
        headers: { authorization: `Bearer ${token}` },
        payload: { immatriculation: 'ABC123' },
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().message).toBe('Network not found.');
    });
  });

  describe('vehicle web services (§3, §8.6)', () => {
    it('vision360: vehicleInformations exactly the seed’s, and the diagnostic', async () => {
      const res = await vehicle(h, token, 'vision360');
      expect(res.statusCode).toBe(200);
      const body = json(res);
      expect(Object.keys(body)).toEqual(['success', 'data', 'message', 'errors']);
      const data = body.data as Record<string, unknown>;
      expect(Object.keys(data)).toEqual([
        'vehicleInformations',
        'clientList',
        'importFactureList',
        'relanceClientList',
        'vehiculeHistoriqueList',
        'vehiculePrevisionList',
        'vehiculeFactureList',
        'vehiculeDiagnostic',
        'vehiculeRelanceList',
      ]);
      expect(data.vehicleInformations).toEqual({
        monthlyMilageEstimated: 1100,
        vehicleReleaseDate: '2009-09-30',
        vehicleVariante: 'VF7RDRFJC9L554165',
        vehicleLastVisitDate: '2020-09-01',
        vehicleLastVisitMileage: 96753,
        vehicleCurrentMilageEstimated: 0,
        vehicleLastTechnicalControlDate: '2017-09-30',
        vehicleNextTechnicalControlDate: null,
      });
      const diag = data.vehiculeDiagnostic as {
        diagnosticDate: string;
        overdueJobList: { privateJobId: number; estimatedDate: string }[];
        upcomingJobList: unknown[];
      };
      expect(diag.diagnosticDate).toBe('2022-03-22');
      expect(diag.overdueJobList.map((e) => [e.privateJobId, e.estimatedDate])).toEqual([
        [6, '2010-09-01'],
        [15, '2011-09-01'],
        [1, '2013-06-01'],
        [12, '2013-09-01'],
        [11, '2014-09-01'],
        [13, '2014-09-01'],
        [3, '2015-09-01'],
        [2, '2015-12-01'],
        [10, '2020-01-01'],
        [14, '2021-09-01'],
      ]);
      expect(diag.upcomingJobList).toEqual([]);
      for (const [key, ws] of [
        ['clientList', 'import-client'],
        ['vehiculeFactureList', 'factures'],
        ['vehiculeRelanceList', 'relances'],
      ] as const)
        expect(data[key]).toEqual(json(await vehicle(h, token, ws)).data);
    });

    it('previsions: the seed’s two entries and the whole table of §8.6', async () => {
      const body = json(await vehicle(h, token, 'previsions'));
      expect(Object.keys(body)).toEqual(['data', 'success', 'message', 'errors']);
      const data = body.data as Record<string, unknown>[];
      expect(data.find((f) => f.privateJobId === 3)).toEqual({
        privateJobId: 3,
        privateJobLabel: 'Courroie de distribution',
        lastJobDate: null,
        milageBasedEstimatedDate: '2021-11-01',
        periodicBasedEstimatedDate: '2015-09-01',
        checkBasedEstimatedDate: null,
        forecastInformations: null,
      });
      expect(data.find((f) => f.privateJobId === 4)).toEqual({
        privateJobId: 4,
        privateJobLabel: 'Filtre à air',
        lastJobDate: '2016-02-23',
        milageBasedEstimatedDate: '2032-08-01',
        periodicBasedEstimatedDate: null,
        checkBasedEstimatedDate: null,
        forecastInformations: null,
      });
      expect(
        data.map((f) => [
          f.privateJobId,
          f.lastJobDate,
          f.milageBasedEstimatedDate,
          f.periodicBasedEstimatedDate,
          f.checkBasedEstimatedDate,
        ]),
      ).toEqual([
        [1, '2012-06-20', '2013-10-01', '2013-06-01', null],
        [2, null, '2015-12-01', null, null],
        [3, null, '2021-11-01', '2015-09-01', null],
        [4, '2016-02-23', '2032-08-01', null, null],
        [6, null, '2012-06-01', '2010-09-01', null],
        [10, '2018-01-30', null, '2020-01-01', null],
        [11, null, '2021-11-01', '2014-09-01', null],
        [12, null, '2014-03-01', null, '2013-09-01'],
        [13, null, null, '2014-09-01', null],
        [14, '2020-01-30', '2023-02-01', null, '2021-09-01'],
        [15, null, null, '2011-09-01', null],
      ]);
    });

    it('historiques: the four entries of §3.3', async () => {
      const data = json(await vehicle(h, token, 'historiques')).data as Record<string, unknown>[];
      expect(data).toEqual([
        {
          privateJobId: 14,
          privateJobLabel: 'Plaquettes de frein',
          privateUsedSource: 'libelle piece',
          invoiceDmsId: '40475',
          invoiceDate: '2020-01-30',
          mileageOnInvoice: 96753,
          memberId: null,
          memberPoSCode: null,
          memberTradeName: null,
        },
        {
          privateJobId: 10,
          privateJobLabel: 'Liquide de frein',
          privateUsedSource: 'libelle operation',
          invoiceDmsId: '38112',
          invoiceDate: '2018-01-30',
          mileageOnInvoice: 70371,
          memberId: null,
          memberPoSCode: null,
          memberTradeName: null,
        },
        {
          privateJobId: 4,
          privateJobLabel: 'Filtre à air',
          privateUsedSource: 'libelle forfait',
          invoiceDmsId: '31904',
          invoiceDate: '2016-02-23',
          mileageOnInvoice: 62380,
          memberId: 78612,
          memberPoSCode: '417728CZ',
          memberTradeName: 'SAS GARAGE DU PONT',
        },
        {
          privateJobId: 1,
          privateJobLabel: 'Vidange',
          privateUsedSource: 'libelle operation',
          invoiceDmsId: '26187',
          invoiceDate: '2012-06-20',
          mileageOnInvoice: 20544,
          memberId: 78612,
          memberPoSCode: '417728CZ',
          memberTradeName: 'SAS GARAGE DU PONT',
        },
      ]);
    });

    it('import-factures: seven rows, the seed’s pair as rows 4 and 5', async () => {
      const data = json(await vehicle(h, token, 'import-factures')).data as Record<string, unknown>[];
      expect(data.map((r) => r.invoiceDmsId)).toEqual([
        '38112',
        '24177',
        '40475',
        '40475',
        '26187',
        '26187',
        '31904',
      ]);
      expect(data[3]).toEqual({
        workshopNationalId: '44306184100047',
        clientDmsId: 'A-7731',
        invoiceId: 35129723,
        invoiceDmsId: '40475',
        invoiceDate: '2020-01-30',
        invoiceAmount: 932.87,
        vehicleVIN: null,
        vehicleMileage: 96753,
        vehicleRegistrationPlate: 'ABC123',
        packageCode: '',
        packageLabel: '',
        jobCode: 'T1',
        jobLabel: "Main d'oeuvre atelier",
        partQuantity: 1.4,
        partReference: '',
        partBrand: '',
        partLabel: '',
      });
      expect(data[4]).toEqual({
        workshopNationalId: '32635721700024',
        clientDmsId: '5678',
        invoiceId: 35129724,
        invoiceDmsId: '26187',
        invoiceDate: '2012-06-20',
        invoiceAmount: 297.79,
        vehicleVIN: null,
        vehicleMileage: 20544,
        vehicleRegistrationPlate: 'ABC123',
        packageCode: '',
        packageLabel: '',
        jobCode: 'M1',
        jobLabel: '- Revision - Operations Systematiques - 93820000',
        partQuantity: 1.4,
        partReference: '',
        partBrand: '',
        partLabel: '',
      });
    });

    it('factures: the seed’s three invoices, then 26187 and 31904 of member 78612', async () => {
      const data = json(await vehicle(h, token, 'factures')).data as Record<string, unknown>[];
      expect(data.slice(0, 3)).toEqual([
        {
          invoiceDmsId: '38112',
          invoiceDate: '2018-01-30',
          invoiceAmount: 89.9,
          mileageOnInvoice: 70371,
          memberId: null,
          memberPoSCode: null,
          memberTradeName: null,
          invoiceContent: [
            {
              privateJobId: 10,
              privateJobLabel: 'Liquide de frein',
              privateUsedSource: 'libelle operation',
              packageCode: '',
              packageLabel: '',
              jobCode: 'C',
              jobLabel: 'Remplacement Du Liquide De Freins',
              partQuantity: 0,
              partReference: '',
              partBrand: '',
              partLabel: '',
            },
          ],
        },
        {
          invoiceDmsId: '24177',
          invoiceDate: '2011-09-26',
          invoiceAmount: 181.6,
          mileageOnInvoice: 11001,
          memberId: null,
          memberPoSCode: null,
          memberTradeName: null,
          invoiceContent: [],
        },
        {
          invoiceDmsId: '40475',
          invoiceDate: '2020-01-30',
          invoiceAmount: 932.87,
          mileageOnInvoice: 96753,
          memberId: null,
          memberPoSCode: null,
          memberTradeName: null,
          invoiceContent: [
            {
              privateJobId: 14,
              privateJobLabel: 'Plaquettes de frein',
              privateUsedSource: 'libelle piece',
              packageCode: '',
              packageLabel: '',
              jobCode: '',
              jobLabel: '',
              partQuantity: 1,
              partReference: '425405',
              partBrand: 'CITROEN',
              partLabel: 'JEU 4 PLAQ',
            },
          ],
        },
      ]);
      const rest = data.slice(3) as {
        invoiceDmsId: string;
        memberId: number;
        invoiceContent: { privateJobId: number; privateUsedSource: string }[];
      }[];
      expect(
        rest.map((i) => [
          i.invoiceDmsId,
          i.memberId,
          i.invoiceContent.map((l) => [l.privateJobId, l.privateUsedSource]),
        ]),
      ).toEqual([
        [
          '26187',
          78612,
          [
            [1, 'libelle operation'],
            [1, 'libelle piece'],
          ],
        ],
        ['31904', 78612, [[4, 'libelle forfait']]],
      ]);
    });

    it('import-client: rows 5678 then C-10442, the seed’s row last, 32 keys', async () => {
      const data = json(await vehicle(h, token, 'import-client')).data as Record<string, unknown>[];
      expect(data.map((r) => r.clientDmsId)).toEqual(['5678', 'C-10442']);
      expect(Object.keys(data[1]!)).toHaveLength(32);
      expect(data[1]).toMatchObject({
        workshopNationalId: '53278430100014',
        clientDmsId: 'C-10442',
        clientId: 58445957,
        clientMobilePhone: '0612345678',
        vehicleVIN: null,
        vehicleLastVisitMileage: 52032,
        vehicleLastTechnicalControlDate: null,
        vehicleNextTechnicalControlDate: null,
        vehicleLastAntipollutionControlDate: null,
        vehicleNextAntipollutionControlDate: null,
      });
    });

    it('client: 58445957, 58445958 and 58445961; the second as §3.2', async () => {
      const data = json(await vehicle(h, token, 'client')).data as Record<string, unknown>[];
      expect(data.map((c) => c.clientId)).toEqual([58445957, 58445958, 58445961]);
      expect(data[1]).toEqual({
        clientId: 58445958,
        clientPrenom: null,
        clientNom: 'DUPONT PHILLIPE',
        clientRaisonSociale: null,
        relanceSms: true,
        relanceEmail: true,
        synchroDmsTelephone: true,
        synchroDmsEmail: true,
        viePrivee: null,
        clientPortable: '06 12 34 56 78',
        clientEmail: null,
        adherentNomCourt: 'SAS GARAGE',
        clientCodePostal: '55200',
        adherentCodePdv: '417728CZ',
        clientDmsId: '5678',
        clientCivilite: 'Mr',
        clientAdresse1: '12 RUE DES ECOLES',
        clientAdresse2: null,
        clientVille: 'COMMERCY',
        clientTelephone: null,
        clientTelephonePro: null,
        adherentId: 78612,
      });
    });

    it('relances: 1469, then the seed’s 1102 and 468', async () => {
      const data = json(await vehicle(h, token, 'relances')).data as Record<string, unknown>[];
      expect(data.map((r) => r.campaignId)).toEqual([1469, 1102, 468]);
      expect(data[0]).toMatchObject({
        memberId: 78612,
        clientDmsId: '5678',
        operationList: [
          {
            operationId: 5,
            operationLabel: 'Plaquettes de freins AVANT',
            messageDescription: 'Communication informative',
          },
        ],
      });
      expect(data.slice(1)).toEqual([
        {
          campaignId: 1102,
          campaignlabel: 'Avril 2021',
          campaignType: 'predictive',
          memberId: 57525,
          memberPoSCode: '920150',
          memberTradeName: 'H2N AUTOMOBILE',
          campaignDiffusionDate: '2021-03-16 10:45:12',
          diffusionList: [{ diffusionId: 39, diffusionLabel: 'SMS' }],
          operationList: [{ operationId: 2, operationLabel: 'Bougies', messageDescription: '-10%' }],
          clientDmsId: null,
        },
        {
          campaignId: 468,
          campaignlabel: 'Décembre 2016',
          campaignType: 'predictive',
          memberId: 57525,
          memberPoSCode: '920150',
          memberTradeName: 'H2N AUTOMOBILE',
          campaignDiffusionDate: '2020-11-18 11:26:01',
          diffusionList: [{ diffusionId: 39, diffusionLabel: 'SMS' }],
          operationList: [{ operationId: 6, operationLabel: 'Filtre habitacle', messageDescription: '-10%' }],
          clientDmsId: null,
        },
      ]);
    });

    it('DEF123: one reading, rate since first registration, current estimate', async () => {
      const data = json(await vehicle(h, token, 'vision360', 'def-123')).data as {
        vehicleInformations: unknown;
      };
      expect(data.vehicleInformations).toEqual({
        monthlyMilageEstimated: 858,
        vehicleReleaseDate: '2015-03-20',
        vehicleVariante: null,
        vehicleLastVisitDate: '2021-03-02',
        vehicleLastVisitMileage: 61250,
        vehicleCurrentMilageEstimated: 72103,
        vehicleLastTechnicalControlDate: null,
        vehicleNextTechnicalControlDate: null,
      });
    });

    it('refuses a missing or malformed plate (422), an unknown plate (404), GET (405), version v2 (404)', async () => {
      const missing = await h.app.inject({
        method: 'POST',
        url: `${BASE}/vehicule/client`,
        headers: { authorization: `Bearer ${token}` },
        payload: {},
      });
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toEqual({
        success: false,
        data: [],
        message: 'Les données fournies sont invalides.',
        errors: { immatriculation: ['Le champ immatriculation est obligatoire.'] },
      });
      const bad = await vehicle(h, token, 'client', '-');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors).toEqual({
        immatriculation: ['The immatriculation must contain 2 to 12 letters or digits.'],
      });
      const unknown = await vehicle(h, token, 'client', 'ZZ999ZZ');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({
        message: 'Vehicle not found.',
        errors: { immatriculation: ['No vehicle with registration plate ZZ999ZZ in network trif.'] },
      });
      const get = await h.app.inject({
        method: 'GET',
        url: `${BASE}/vehicule/client`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(get.statusCode).toBe(405);
      const v2 = await h.app.inject({
        method: 'POST',
        url: '/mmp/api/v2/trif/service-external-client/vehicule/client',
        headers: { authorization: `Bearer ${token}` },
        payload: { immatriculation: 'ABC123' },
      });
      expect(v2.statusCode).toBe(404);
      expect(Object.keys(v2.json().errors)).toEqual(['version']);
    });
  });

  describe('member and network web services (§4.1, §4.2)', () => {
    const get = (url: string, t = token) =>
      h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t}` } });
    const campaigns = (code: string, page = '1') =>
      get(`/mmp/api/trif/service-external-client/adherents/${code}/campagnes-clients?page=${page}`);

    it('campagnes-clients of 417728CZ: the seed’s page, page 2 empty', async () => {
      const res = await campaigns('417728CZ');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body)).toEqual(['success', 'data', 'campagneList', 'message', 'errors']);
      expect(body.data).toEqual({ id: 78612, articleCode: null, articleLibelle: null });
      expect(body.campagneList[0]).toEqual({
        id: 1469,
        dateDiffusion: '2021-08-17',
        datePrediction: '2021-09-01',
        dateCreation: '2021-08-11',
        clientList: [
          {
            civilite: 'Mr',
            prenom: null,
            nom: 'DUPONT PHILLIPE',
            vehicule: { immatriculation: 'ABC123', marque: 'Renault', modele: 'MEGANE' },
            operation: { id: 5, label: 'Plaquettes de freins AVANT' },
            promotion: [{ id: 323, label: 'Communication informative' }],
            diffusion: { sms: true, email: false, courrier: false },
          },
          {
            civilite: 'Mr',
            prenom: null,
            nom: 'LEFEBVRE CHRISTINE',
            vehicule: { immatriculation: 'DEF123', marque: 'Dacia', modele: 'SANDERO' },
            operation: { id: 8, label: 'Disques + Plaquettes ARRIERE' },
            promotion: [{ id: 327, label: 'Communication informative' }],
            diffusion: { sms: true, email: false, courrier: false },
          },
        ],
      });
      expect(body.campagneList[1]).toMatchObject({
        id: 1465,
        dateDiffusion: '2021-07-13',
        datePrediction: '2021-08-01',
        dateCreation: '2021-07-06',
      });
      expect((await campaigns('417728CZ', '2')).json().campagneList).toEqual([]);
      const versioned = await get(
        '/mmp/api/v1/trif/service-external-client/adherents/417728CZ/campagnes-clients',
      );
      expect(versioned.json()).toEqual(body);
    });

    it('campagnes-clients of 920150 and 6768ZED; refusals', async () => {
      const h2n = (await campaigns('920150')).json();
      expect(h2n.data.id).toBe(57525);
      expect(h2n.campagneList.map((c: { id: number }) => c.id)).toEqual([1102, 468]);
      expect(h2n.campagneList[0].clientList[0]).toMatchObject({
        nom: 'DUPONT',
        vehicule: { immatriculation: 'ABC123', marque: 'CITROEN', modele: 'C5' },
      });
      expect((await campaigns('6768ZED')).json().campagneList).toEqual([]);
      expect((await campaigns('417728CZ', '0')).statusCode).toBe(422);
      expect((await campaigns('NOPE')).statusCode).toBe(404);
      const other = await get(
        '/mmp/api/trif/service-external-client/adherents/920150/campagnes-clients',
        memberToken,
      );
      expect(other.statusCode).toBe(403);
      expect(Object.keys(other.json().errors)).toEqual(['code_pdv']);
      expect(
        (await get('/mmp/api/trif/service-external-client/adherents/417728CZ/campagnes-clients', memberToken))
          .statusCode,
      ).toBe(200);
    });

    it('blacklist as JSON, as CSV, and for a member user', async () => {
      const url = `${BASE}/adherents/relance-clients/blacklist`;
      const body = (await get(url)).json();
      expect(Object.keys(body)).toEqual(['data', 'success', 'message', 'errors']);
      expect(body.data.map((r: { clientId: number }) => r.clientId)).toEqual([58445956, 58445960]);
      expect(body.data[1]).toEqual({
        clientId: 58445960,
        clientPrenom: 'WILLIS',
        clientNom: 'EMMANUEL',
        clientRaisonSociale: null,
        relanceSms: true,
        relanceEmail: false,
        synchroDmsTelephone: true,
        synchroDmsEmail: false,
        viePrivee: 'telephone mobile | telephone professionnel | email',
        clientPortable: '0630553444',
        clientEmail: 'w.emmanuel@mail.com',
        adherentNomCourt: 'SAS GARAGE',
        clientCodePostal: '55200',
        adherentCodePdv: '417728CZ',
      });
      const csv = await get(`${url}?output=csv`);
      expect(csv.headers['content-type']).toBe('text/csv; charset=UTF-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="blacklist_trif_20220322.csv"');
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.rawPayload.subarray(3).toString('utf8')).toBe(
        'clientId;clientPrenom;clientNom;clientRaisonSociale;relanceSms;relanceEmail;synchroDmsTelephone;synchroDmsEmail;viePrivee;clientPortable;clientEmail;adherentNomCourt;clientCodePostal;adherentCodePdv\r\n' +
          '58445956;SOPHIE;RICHARD;;0;1;0;1;telephone professionnel | email;;s.richard@mail.fr;"SAS GARAGE ";55200;6768ZED\r\n' +
          '58445960;WILLIS;EMMANUEL;;1;0;1;0;telephone mobile | telephone professionnel | email;0630553444;w.emmanuel@mail.com;SAS GARAGE;55200;417728CZ\r\n',
      );
      const mine = (await get(url, memberToken)).json();
      expect(mine.data.map((r: { clientId: number }) => r.clientId)).toEqual([58445960]);
      expect((await get(`${url}?output=xml`)).statusCode).toBe(422);
    });
  });
  describe('ZIP import (§4.3, §7)', () => {
    const header = BATCH_2.factures.split('\r\n')[0]!;
    const clientsHeader = BATCH_2.clients.split('\r\n')[0]!;
    /** yazl refuses to write a '../' name: the name is patched in the bytes (same length, CRC untouched). */
    const traversal = (zip: Buffer) =>
      Buffer.from(zip.toString('latin1').replace(/zz\/clients/g, '../clients'), 'latin1');
    const archive = (factures: string, clients = `${clientsHeader}\r\n`) =>
      zipOf({ 'export/clients.csv': clients, 'export/factures.csv': factures });

    it('imports batch 2 again: 200, nothing changes, same ids; the monitor records it', async () => {
      const before = await counts(h);
      const ids = json(await vehicle(h, token, 'import-factures')).data;
      const res = await upload(
        h,
        token,
        await zipOf({ 'clients.csv': BATCH_2.clients, 'factures.csv': BATCH_2.factures }),
        '78612',
        'fr',
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        success: true,
        data: { success: true, message: 'Le fichier a été importé avec succès.' },
        message: 'OK',
        errors: [],
      });
      expect(await counts(h)).toEqual(before);
      expect(json(await vehicle(h, token, 'import-factures')).data).toEqual(ids);
    });

    it.each([
      [
        'a text file renamed .zip',
        async () => Buffer.from('not a zip at all'),
        { importFile: ['The import file must be a ZIP archive.'] },
      ],
      [
        'an archive without factures.csv',
        () => zipOf({ 'clients.csv': `${clientsHeader}\r\n` }),
        { importFile: ['The archive must contain factures.csv.'] },
      ],
      [
        'a ../ entry',
        async () =>
          traversal(
            await zipOf({ 'zz/clients.csv': `${clientsHeader}\r\n`, 'factures.csv': `${header}\r\n` }),
          ),
        {
          importFile: [
            "Unsafe path in the archive: '../clients.csv'.",
            'The archive must contain clients.csv.',
          ],
        },
      ],
      [
        'a zip bomb',
        () => zipOf({ 'clients.csv': Buffer.alloc(30 * 1024 * 1024, 0x3b), 'factures.csv': `${header}\r\n` }),
        { importFile: ['The archive uses an unsupported feature or expands beyond the allowed size.'] },
      ],
      [
        'a ,-separated file',
        () => archive(`${header.replace(/;/g, ',')}\r\n`),
        { 'factures.csv:1': ["The header must use ';' as separator."] },
      ],
      [
        'an impossible date',
        () => archive(`${header}\r\n32635721700024;5678;99001;2020-13-01;10;;1000;ABC123;;;;;;;;\r\n`),
        { 'factures.csv:2:invoiceDate': ["Invalid date '2020-13-01' (expected YYYY-MM-DD or DD/MM/YYYY)."] },
      ],
      [
        'two rows of one invoice that disagree',
        () =>
          archive(
            `${header}\r\n32635721700024;5678;99002;2020-01-01;10;;1000;ABC123;;;A;VIDANGE;;;;\r\n32635721700024;5678;99002;2020-01-01;11;;1000;ABC123;;;B;FILTRE;;;;\r\n`,
          ),
        { 'factures.csv:3': ['Differs from line 2 for the same invoice (invoiceAmount).'] },
      ],
    ] as const)('refuses %s with 422 and writes nothing', async (_name, make, errors) => {
      const before = await counts(h);
      const res = await upload(h, token, await make(), '78612');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        success: false,
        data: [],
        message: 'The import file was rejected; nothing was imported.',
        errors,
      });
      expect(await counts(h)).toEqual(before);
    });

    it('refuses a member user importing for another member (403), a missing file and an unknown organization (422)', async () => {
      const file = await archive(`${header}\r\n`);
      expect((await upload(h, memberToken, file, '78650')).statusCode).toBe(403);
      const missing = await upload(h, token, null, '78612');
      expect(missing.statusCode).toBe(422);
      expect(missing.json().errors).toEqual({ importFile: ['The import file field is required.'] });
      const unknown = await upload(h, token, file, '1');
      expect(unknown.json().errors).toEqual({ organizationId: ['The selected organization id is invalid.'] });
      const list = await h.request({ url: '/v1/imports?limit=50', token: await h.adminToken() });
      expect(list.statusCode).toBe(200);
    });
  });

  describe('predictive campaigns (§6.10, §8.7)', () => {
    const run = async (over: Partial<Parameters<typeof runCampaign>[2]> = {}) => {
      const network = (await findNetwork(h.deps, 'trif'))!;
      const member = (await listMembers(h.deps.db, network.merchantId)).find((m) => m.memberId === 78612)!;
      clock = Date.parse('2021-08-17T07:30:00Z');
      try {
        const r = await runCampaign(h.deps, network, {
          storeId: member.storeId,
          label: 'Test',
          predictionMonth: '2021-09-01',
          operations: [{ jobId: 14, promotionLabel: '-10%' }],
          channels: ['sms'],
          ...over,
        });
        if (!r.ok) throw new Error(r.code);
        return r.value.targets.map((t) => [t.clientId, t.plate, t.jobId, t.channels.sms]);
      } finally {
        clock = REFERENCE;
      }
    };

    it('selects 58445958 / ABC123 / op 14 by SMS, not by e-mail, not for op 3 or 5 unless looked back', async () => {
      expect(await run({ channels: ['email'] })).toEqual([]);
      expect(await run({ operations: [{ jobId: 3, promotionLabel: 'x' }] })).toEqual([]);
      expect(await run({ operations: [{ jobId: 3, promotionLabel: 'x' }], lookbackMonths: 120 })).toEqual([
        [58445958, 'ABC123', 3, true],
        // §8.7 expects one target, but DEF123 (client 58445959 of 78612) is due for job 3 on 2021-03-01 too,
        // inside a 120-month lookback by the rules of §6.10.
        [58445959, 'DEF123', 3, true],
      ]);
      expect(await run({ operations: [{ jobId: 5, promotionLabel: 'x' }] })).toEqual([]);
      expect(await run()).toEqual([[58445958, 'ABC123', 14, true]]);
      // run twice within 180 days: the second run reminds nobody of job 14 again
      expect(await run()).toEqual([]);
      const outbox = await h.deps.db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('source', 'like', 'vehicles.campaign:%')
        .execute();
      const client = await h.deps.db
        .selectFrom('vehicle_clients')
        .select('customer_id')
        .where('client_id', '=', 58445958)
        .executeTakeFirstOrThrow();
      expect(outbox.map((m) => [m.channel, JSON.parse(m.recipients)])).toContainEqual([
        'sms',
        [client.customer_id],
      ]);
      // The customer record the SMS goes to has the client's mobile in E.164.
      const customer = await h.deps.db
        .selectFrom('customers')
        .select(['mobile', 'consents'])
        .where('id', '=', client.customer_id)
        .executeTakeFirstOrThrow();
      expect(customer.mobile).toBe('+33612345678');
    });

    it('skips a client whose SMS is blacklisted or under privacy', async () => {
      const network = (await findNetwork(h.deps, 'trif'))!;
      await setClientFlags(h.deps, network.merchantId, 58445958, { relanceSms: false });
      expect(await run({ operations: [{ jobId: 10, promotionLabel: 'x' }], lookbackMonths: 24 })).toEqual([]);
      await setClientFlags(h.deps, network.merchantId, 58445958, {
        relanceSms: true,
        privacy: 'telephone mobile',
      });
      expect(await run({ operations: [{ jobId: 10, promotionLabel: 'x' }], lookbackMonths: 24 })).toEqual([]);
      await setClientFlags(h.deps, network.merchantId, 58445958, { privacy: null });
      expect(await run({ operations: [{ jobId: 10, promotionLabel: 'x' }], lookbackMonths: 24 })).toEqual([
        [58445958, 'ABC123', 10, true],
      ]);
    });
  });
});
