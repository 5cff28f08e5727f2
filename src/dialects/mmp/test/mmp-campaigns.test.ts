/**
 * Vehicles networks in the native API (spec/mmp.md §5.2, §5.10, §6.10): member garages, catalog overrides,
 * predictive campaign runs, their postal-mail export, and campaign targets delivered end to end by the
 * messaging channels (a real SMTP server and an SMS gateway sink started here). One run at a time.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VEHICLES_DEMO } from '../demo/demo-vehicles.js';
import { deliverDue } from '../../../app/messaging/deliver-outbox.js';
import { createHarness, databases, type Harness } from '../../../../test/support/harness.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from '../../../../test/support/smtp-sink.js';
import { BATCH_2 } from '../demo/batches.js';
import { counts, mmpToken, upload, vehicle, zipOf } from './mmp-support.js';

const RUN = Date.parse('2021-08-17T07:30:00Z');

interface SmsHit {
  body: URLSearchParams;
}

async function smsSink(): Promise<{ url: string; hits: SmsHit[]; close(): Promise<void> }> {
  const hits: SmsHit[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ body: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) });
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid: `SM${hits.length}`, status: 'queued' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://AC42:tok3n@127.0.0.1:${port}/2010-04-01/Accounts/AC42/Messages.json`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(databases())('vehicles networks in /v1 on $kind', (target) => {
  let h: Harness;
  let smtp: SmtpSink;
  let sms: Awaited<ReturnType<typeof smsSink>>;
  let clock = RUN;
  let network: string;
  let member: string;
  const v1Token = async (user: { login: string; password: string }) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', username: user.login, password: user.password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { access_token: string }).access_token;
  };
  const campaign = (token: string, body: Record<string, unknown>) =>
    h.request({
      method: 'POST',
      url: '/v1/vehicles/campaigns',
      token,
      payload: {
        memberId: 78612,
        label: 'Septembre 2021',
        predictionMonth: '2021-09-01',
        operations: [{ jobId: 14, promotionLabel: '-10%' }],
        channels: ['sms', 'email', 'courrier'],
        ...body,
      },
    });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    sms = await smsSink();
    h = await createHarness(target, {
      now: () => new Date(clock),
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Réseau TRIF <relances@trif.test>',
        TESSERA_OUTBOUND_CA: TEST_CA,
        TESSERA_PUBLIC_URL: 'https://loyalty.trif.test',
        SMS_GATEWAY_URL: sms.url,
        SMS_SENDER_ID: 'TRIF',
      },
    });
    network = await v1Token(VEHICLES_DEMO.networkUser);
    member = await v1Token(VEHICLES_DEMO.memberUser);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
    await sms?.close();
  });

  it('lists and adds member garages; a taken id, code or SIRET is a 409; a member user may not add one', async () => {
    const list = await h.request({ url: '/v1/vehicles/members', token: network });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .data.map((m: { memberId: number }) => m.memberId)
        .sort(),
    ).toEqual([57525, 78612, 78650]);
    expect(list.json().data).toContainEqual(
      expect.objectContaining({
        memberId: 78612,
        posCode: '417728CZ',
        shortName: 'SAS GARAGE',
        siret: '32635721700024',
      }),
    );
    const body = {
      memberId: 78700,
      posCode: '551200AB',
      tradeName: 'GARAGE DE LA GARE',
      shortName: 'GARE',
      siret: '41234567800019',
    };
    const added = await h.request({
      method: 'POST',
      url: '/v1/vehicles/members',
      token: network,
      payload: body,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ ...body, active: true });
    for (const clash of [{ memberId: 78612 }, { posCode: '920150' }, { siret: '32635721700024' }]) {
      const res = await h.request({
        method: 'POST',
        url: '/v1/vehicles/members',
        token: network,
        payload: { ...body, memberId: 78701, posCode: 'X1', siret: '41234567800020', ...clash },
      });
      expect(res.statusCode, JSON.stringify(clash)).toBe(409);
      expect(res.json().error.code).toBe('MEMBER_TAKEN');
    }
    const bad = await h.request({
      method: 'POST',
      url: '/v1/vehicles/members',
      token: network,
      payload: { ...body, siret: '123' },
    });
    expect(bad.statusCode).toBe(400);
    const refused = await h.request({
      method: 'POST',
      url: '/v1/vehicles/members',
      token: member,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    // Another merchant (the loyalty demo) is not a vehicles network.
    const other = await h.request({ url: '/v1/vehicles/members', token: await h.adminToken() });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_A_VEHICLES_NETWORK');
  });

  it('shows the catalog with the demo override, and an override changes the forecasts at once', async () => {
    const catalog = await h.request({ url: '/v1/vehicles/catalog', token: network });
    expect(catalog.statusCode).toBe(200);
    expect(catalog.json().data).toHaveLength(15);
    expect(catalog.json().data[3]).toEqual({
      id: 4,
      label: 'Filtre à air',
      intervalKm: 200000,
      intervalMonths: null,
      checkBased: false,
      forecastFromNew: true,
      active: true,
      override: { intervalKm: 200000 },
    });
    const mmp = await mmpToken(h, VEHICLES_DEMO.networkUser);
    const airFilter = async () =>
      (await vehicle(h, mmp, 'previsions'))
        .json()
        .data.find((f: { privateJobId: number }) => f.privateJobId === 4);
    expect((await airFilter()).milageBasedEstimatedDate).toBe('2032-08-01');
    // The default 40,000 km (spec/mmp.md §8.5: 2020-07-01), then the demo's value again.
    const put = (payload: Record<string, unknown>) =>
      h.request({ method: 'PUT', url: '/v1/vehicles/catalog/4', token: network, payload });
    const reset = await put({});
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ id: 4, intervalKm: 40000, override: null });
    expect((await airFilter()).milageBasedEstimatedDate).toBe('2020-07-01');
    expect((await put({ intervalKm: 200000 })).statusCode).toBe(200);
    expect((await airFilter()).milageBasedEstimatedDate).toBe('2032-08-01');
    expect(
      (await h.request({ method: 'PUT', url: '/v1/vehicles/catalog/99', token: network, payload: {} })).json()
        .error.code,
    ).toBe('JOB_NOT_FOUND');
    expect((await put({ intervalKm: -5 })).statusCode).toBe(400);
    expect((await put({ label: 'Autre' })).statusCode).toBe(400);
    expect(
      (await h.request({ method: 'PUT', url: '/v1/vehicles/catalog/4', token: member, payload: {} }))
        .statusCode,
    ).toBe(403);
  });

  it('runs a campaign: 58445958 / ABC123 / job 14 by SMS and courrier (no e-mail), the courrier CSV formula-safe', async () => {
    const res = await campaign(network, {
      operations: [{ jobId: 14, promotionLabel: '=HYPERLINK("http://x")' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run).toMatchObject({ memberId: 78612, diffusedAt: '2021-08-17T07:30:00.000Z' });
    expect(run.targets).toEqual([
      {
        clientId: 58445958,
        plate: 'ABC123',
        jobId: 14,
        due: '2021-09-01',
        channels: { sms: true, email: false, courrier: true },
        messages: 1,
      },
    ]);
    const csv = await h.request({ url: `/v1/vehicles/campaigns/${run.campaignId}/courrier`, token: network });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="courrier_trif_${run.campaignId}.csv"`,
    );
    expect(csv.body).toBe(
      '\ufeffcampaignId;clientId;clientDmsId;civilite;prenom;nom;raisonSociale;adresse1;adresse2;codePostal;ville;immatriculation;marque;modele;operationId;operationLabel;promotion\r\n' +
        `${run.campaignId};58445958;5678;Mr;;DUPONT PHILLIPE;;12 RUE DES ECOLES;;55200;COMMERCY;ABC123;Renault;MEGANE;14;Plaquettes de frein;"'=HYPERLINK(""http://x"")"\r\n`,
    );
    // The run is reminder history: /mmp relances and campagnes-clients show it.
    const mmp = await mmpToken(h, VEHICLES_DEMO.networkUser);
    const relances = (await vehicle(h, mmp, 'relances')).json().data;
    expect(relances[0]).toMatchObject({
      campaignId: run.campaignId,
      campaignlabel: 'Septembre 2021',
      campaignDiffusionDate: '2021-08-17 09:30:00',
      diffusionList: [
        { diffusionId: 39, diffusionLabel: 'SMS' },
        { diffusionId: 40, diffusionLabel: 'Courrier' },
      ],
      operationList: [
        {
          operationId: 14,
          operationLabel: 'Plaquettes de frein',
          messageDescription: '=HYPERLINK("http://x")',
        },
      ],
      clientDmsId: '5678',
    });
    // The 180-day quiet period: the same campaign again reminds nobody.
    const again = await campaign(network, {});
    expect(again.json().targets).toEqual([]);
    // Refusals: unknown campaign, a member user on another garage's campaign or run, bad orders.
    expect(
      (await h.request({ url: '/v1/vehicles/campaigns/999999/courrier', token: network })).statusCode,
    ).toBe(404);
    expect((await campaign(member, { memberId: 57525 })).json().error.code).toBe('OTHER_MEMBER');
    expect((await campaign(network, { memberId: 1 })).json().error.code).toBe('MEMBER_NOT_FOUND');
    expect(
      (await campaign(network, { operations: [{ jobId: 99, promotionLabel: 'x' }] })).json().error.code,
    ).toBe('JOB_NOT_FOUND');
    expect((await campaign(network, { predictionMonth: '2021-09-15' })).statusCode).toBe(400);
    expect((await campaign(network, { channels: ['fax'] })).statusCode).toBe(400);
    const own = await campaign(member, { operations: [{ jobId: 2, promotionLabel: '-10%' }] });
    expect(own.statusCode).toBe(201);
    const foreign = await h.request({ url: `/v1/vehicles/campaigns/468/courrier`, token: member });
    expect(foreign.json().error.code).toBe('OTHER_MEMBER');
  });

  it('delivers the targets: the SMS to the gateway and the e-mail over SMTP, with their texts', async () => {
    // Member 78650's client 58445957 (DUPONT PHILIPPE, ABC123) has a mobile and an e-mail, no privacy.
    const res = await campaign(network, {
      memberId: 78650,
      label: 'Relance plaquettes',
      channels: ['sms', 'email'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().targets).toMatchObject([
      { clientId: 58445957, plate: 'ABC123', jobId: 14, channels: { sms: true, email: true }, messages: 2 },
    ]);
    const smsBefore = sms.hits.length;
    const mailBefore = smtp.received.length;
    const report = await deliverDue(h.deps);
    expect(report.failed).toBe(0);
    const texts = sms.hits.slice(smsBefore).map((hit) => [hit.body.get('To'), hit.body.get('Body')]);
    expect(texts).toContainEqual([
      '+33612345678',
      'Plaquettes de frein : votre véhicule ABC123 est à prévoir pour septembre 2021. Offre : -10%. SAS GARAGE DES LILAS STOP SMS au 36173',
    ]);
    const mails = smtp.received.slice(mailBefore);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.envelopeTo).toEqual(['p.dupont@mail.fr']);
    expect(mail.mail.subject).toBe('Plaquettes de frein : entretien de votre véhicule ABC123');
    expect(mail.mail.text).toContain(
      '« Plaquettes de frein » de votre véhicule ABC123 est à prévoir pour septembre 2021',
    );
    expect(mail.mail.text).toContain('SAS GARAGE DES LILAS');
    const unsubscribe = (mail.mail.headerLines.find((l) => l.key === 'list-unsubscribe')?.line ?? '').replace(
      /\r?\n\s+/g,
      ' ',
    );
    expect(unsubscribe).toMatch(/^List-Unsubscribe: <https:\/\/loyalty\.trif\.test\/unsubscribe\/msg_/);
    // Delivered once: another pass sends nothing more for this campaign.
    await deliverDue(h.deps);
    expect(smtp.received.length - mailBefore).toBe(1);
  });

  it('checks consent again at send time: a client blacklisted after the run gets nothing', async () => {
    const mmp = await mmpToken(h, VEHICLES_DEMO.networkUser);
    const res = await campaign(network, {
      memberId: 78650,
      label: 'Relance freins',
      operations: [{ jobId: 10, promotionLabel: '-5%' }],
      lookbackMonths: 24,
      channels: ['sms'],
    });
    expect(res.json().targets).toMatchObject([{ clientId: 58445957, jobId: 10, channels: { sms: true } }]);
    const { setClientFlags } = await import('../../../app/vehicles/setup.js');
    const { findNetwork } = await import('../../../app/vehicles/network.js');
    const trif = (await findNetwork(h.deps, 'trif'))!;
    expect((await setClientFlags(h.deps, trif.merchantId, 58445957, { relanceSms: false })).ok).toBe(true);
    const before = sms.hits.length;
    const report = await deliverDue(h.deps);
    expect(report.suppressed).toBeGreaterThanOrEqual(1);
    expect(sms.hits.length).toBe(before);
    // The blacklist WS shows the client now.
    const list = await h.app.inject({
      method: 'GET',
      url: '/mmp/api/v1/trif/service-external-client/adherents/relance-clients/blacklist',
      headers: { authorization: `Bearer ${mmp}` },
    });
    expect(list.json().data.map((r: { clientId: number }) => r.clientId)).toContain(58445957);
    await setClientFlags(h.deps, trif.merchantId, 58445957, { relanceSms: true });
  });

  it('runs one campaign at a time: two concurrent runs remind a vehicle once (201 + 409, or 201 + nobody)', async () => {
    clock = Date.parse('2021-09-14T07:30:00Z');
    try {
      network = await v1Token(VEHICLES_DEMO.networkUser); // the clock moved past the first token's life
      const order = {
        operations: [{ jobId: 1, promotionLabel: 'Vidange offerte' }],
        lookbackMonths: 120,
        channels: ['sms'],
      };
      const [a, b] = await Promise.all([campaign(network, order), campaign(network, order)]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(statuses);
      const targets = [a, b].filter((r) => r.statusCode === 201).flatMap((r) => r.json().targets);
      const plates = targets.map((t: { plate: string }) => t.plate).sort();
      expect(plates).toEqual([...new Set(plates)]);
      expect(plates.length).toBeGreaterThan(0);
      const conflict = [a, b].find((r) => r.statusCode === 409);
      if (conflict) expect(conflict.json().error.code).toBe('CAMPAIGN_RUNNING');
    } finally {
      clock = RUN;
    }
  });
  it('serialises two uploads of one member at once: one 200, the other 409 (or after it), nothing written twice', async () => {
    const mmp = await mmpToken(h, VEHICLES_DEMO.networkUser);
    const clientsHeader = BATCH_2.clients.split('\r\n')[0]!;
    const facturesHeader = BATCH_2.factures.split('\r\n')[0]!;
    const lines = Array.from({ length: 900 }, (_, i) => {
      const k = Math.floor(i / 3);
      return `32635721700024;9001;R-${k};2021-05-0${1 + (k % 3)};120.5;;4${String(k).padStart(4, '0')};RAC${String(k % 97).padStart(3, '0')};;;V;Vidange;1;;;`;
    });
    const zip = await zipOf({
      'clients.csv': `${clientsHeader}\r\n32635721700024;9001;M;COURSE;ALAIN;;1 RUE;;55200;COMMERCY;;0611223344;;;0;0;0;0;0;RAC001;Peugeot;208;;;2021-05-01;;40001;;;;\r\n`,
      'factures.csv': `${facturesHeader}\r\n${lines.join('\r\n')}\r\n`,
    });
    const before = await counts(h);
    const [a, b] = await Promise.all([upload(h, mmp, zip, '78612'), upload(h, mmp, zip, '78612')]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    const conflict = [a, b].find((r) => r.statusCode === 409);
    if (conflict)
      expect(conflict.json()).toEqual({
        success: false,
        data: [],
        message: 'An import is already in progress.',
        errors: { importFile: ['An import is already in progress.'] },
      });
    const after = await counts(h);
    expect(after.vehicle_invoices! - before.vehicle_invoices!).toBe(300);
    expect(after.vehicle_invoice_lines! - before.vehicle_invoice_lines!).toBe(900);
    expect(after.vehicle_clients! - before.vehicle_clients!).toBe(1);
    expect(after.customers! - before.customers!).toBe(1);
    expect(after.vehicle_client_rows! - before.vehicle_client_rows!).toBe(1);
  });
  it('writes blacklist CSV cells a spreadsheet would run as text; invoices earn no points; the tags are in /openapi.json', async () => {
    const mmp = await mmpToken(h, VEHICLES_DEMO.networkUser);
    const clientsHeader = BATCH_2.clients.split('\r\n')[0]!;
    const facturesHeader = BATCH_2.factures.split('\r\n')[0]!;
    const zip = await zipOf({
      'clients.csv': `${clientsHeader}\r\n32635721700024;9100;M;=HYPERLINK("http://evil");@SUM(A1);;-2+3;;55200;COMMERCY;;0611223344;;x@mail.fr;0;0;0;1;0;;;;;;;;;;;;\r\n`,
      'factures.csv': `${facturesHeader}\r\n32635721700024;9100;P-1;2021-05-01;250;;10000;EVIL1;;;V;Vidange;1;;;\r\n`,
    });
    const res = await upload(h, mmp, zip, '78612');
    expect(res.statusCode, res.body).toBe(200);
    const csv = await h.app.inject({
      method: 'GET',
      url: '/mmp/api/v1/trif/service-external-client/adherents/relance-clients/blacklist?output=csv',
      headers: { authorization: `Bearer ${mmp}` },
    });
    const row = csv.body.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(row.split(';').slice(1, 3)).toEqual([`'@SUM(A1)`, `"'=HYPERLINK(""http://evil"")"`]);
    // After-sales invoices are history, not loyalty sales: the network has no sale and no ledger movement.
    const trif = await h.deps.db
      .selectFrom('merchants')
      .select('id')
      .where('slug', '=', 'trif')
      .executeTakeFirstOrThrow();
    for (const table of ['sales', 'movements'] as const) {
      const n = await h.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('merchant_id', '=', trif.id)
        .executeTakeFirstOrThrow();
      expect(Number(n.n), table).toBe(0);
    }
    const doc = (await h.request({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(
      doc.paths['/mmp/api/{version}/{reseau}/service-external-client/vehicule/vision360']?.post?.tags,
    ).toEqual(['MMP Vision 360']);
    expect(doc.paths['/v1/vehicles/campaigns']?.post?.tags).toEqual(['vehicles']);
  });
});
