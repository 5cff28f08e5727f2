/** The vehicle web services' data in MMP wire terms (spec/mmp.md §3): pure mapping of the engine's view. */
import type { VehicleClient } from '../../../app/vehicles/client-record.js';
import type { Member } from '../../../app/vehicles/network.js';
import type { Invoice, Reminder, VehicleView } from '../../../app/vehicles/vehicle-view.js';
import { localDateTime } from '../../../app/vehicles/network.js';
import { toMajorNumber } from '../../../core/money/money.js';
import { CLIENT_COLUMNS } from '../../../core/vehicles/import-columns.js';
import { FORECAST_NOTE_LABELS } from '../../../core/vehicles/forecasts.js';
import type { UsedSource } from '../../../core/vehicles/qualify.js';

export const USED_SOURCE: Record<UsedSource, string> = {
  package: 'libelle forfait',
  job: 'libelle operation',
  part: 'libelle piece',
};

/** MMP's amounts are euros (two decimals) as JSON numbers: 229050 → 2290.5, by the core money module. */
const EURO_DIGITS = 2;
export const euros = (minor: number) => toMajorNumber(minor, EURO_DIGITS);
export const quantity = (milli: number) => milli / 1000;

const member = (m: Member | null) => ({
  memberId: m?.memberId ?? null,
  memberPoSCode: m?.posCode ?? null,
  memberTradeName: m?.tradeName ?? null,
});

/** §3.1: the 32 keys, clientId after clientDmsId. */
export function rawClientRows(view: VehicleView) {
  return view.rawClientRows.map(({ clientId, values }) => {
    const out: Record<string, unknown> = {};
    for (const col of CLIENT_COLUMNS) {
      out[col.name] = values[col.name] ?? (col.type === 'boolean' ? false : null);
      if (col.name === 'clientDmsId') out.clientId = clientId;
    }
    return out;
  });
}

/** The 14 keys of a blacklist row (§4.2), in the seed's order. */
export function blacklistRow(c: VehicleClient) {
  return {
    clientId: c.clientId,
    clientPrenom: c.firstName,
    clientNom: c.lastName,
    clientRaisonSociale: c.company,
    relanceSms: c.smsFlag,
    relanceEmail: c.emailFlag,
    synchroDmsTelephone: c.syncPhone,
    synchroDmsEmail: c.syncEmail,
    viePrivee: c.privacy,
    clientPortable: c.mobilePhone,
    clientEmail: c.email,
    adherentNomCourt: c.member?.shortName ?? null,
    clientCodePostal: c.postalCode,
    adherentCodePdv: c.member?.posCode ?? null,
  };
}

/** §3.2: the blacklist keys, then what a reminder needs. */
export function clientEntry(c: VehicleClient) {
  return {
    ...blacklistRow(c),
    clientDmsId: c.dmsId,
    clientCivilite: c.civility,
    clientAdresse1: c.address1,
    clientAdresse2: c.address2,
    clientVille: c.city,
    clientTelephone: c.homePhone,
    clientTelephonePro: c.proPhone,
    adherentId: c.member?.memberId ?? null,
  };
}

export function history(view: VehicleView) {
  return view.history.map((h) => ({
    privateJobId: h.jobId,
    privateJobLabel: h.jobLabel,
    privateUsedSource: USED_SOURCE[h.source],
    invoiceDmsId: h.invoice.dmsId,
    invoiceDate: h.invoice.date,
    mileageOnInvoice: h.invoice.mileage,
    ...member(h.invoice.member),
  }));
}

export function forecasts(view: VehicleView) {
  return view.profile.forecasts.map((f) => ({
    privateJobId: f.jobId,
    privateJobLabel: f.label,
    lastJobDate: f.lastJobDate,
    milageBasedEstimatedDate: f.mileageBased,
    periodicBasedEstimatedDate: f.periodicBased,
    checkBasedEstimatedDate: f.checkBased,
    forecastInformations: f.notes.length
      ? f.notes.map((code) => ({ code, label: FORECAST_NOTE_LABELS[code] }))
      : null,
  }));
}

/** §3.5: one row per line, header repeated; an invoice without lines gives no row. */
export function rawInvoiceRows(view: VehicleView) {
  return view.invoices.flatMap((i: Invoice) =>
    i.lines.map((l) => ({
      workshopNationalId: i.siret,
      clientDmsId: i.clientDmsId,
      invoiceId: i.invoiceId,
      invoiceDmsId: i.dmsId,
      invoiceDate: i.date,
      invoiceAmount: euros(i.amountMinor),
      vehicleVIN: i.vin,
      vehicleMileage: i.mileage,
      vehicleRegistrationPlate: i.plateRaw,
      packageCode: l.packageCode,
      packageLabel: l.packageLabel,
      jobCode: l.jobCode,
      jobLabel: l.jobLabel,
      partQuantity: quantity(l.quantityMilli),
      partReference: l.partReference,
      partBrand: l.partBrand,
      partLabel: l.partLabel,
    })),
  );
}

export function qualifiedInvoices(view: VehicleView) {
  return view.invoices.map((i) => ({
    invoiceDmsId: i.dmsId,
    invoiceDate: i.date,
    invoiceAmount: euros(i.amountMinor),
    mileageOnInvoice: i.mileage,
    ...member(i.member),
    invoiceContent: i.lines
      .filter((l) => l.job)
      .map((l) => ({
        privateJobId: l.job!.id,
        privateJobLabel: l.job!.label,
        privateUsedSource: USED_SOURCE[l.job!.source],
        packageCode: l.packageCode,
        packageLabel: l.packageLabel,
        jobCode: l.jobCode,
        jobLabel: l.jobLabel,
        partQuantity: quantity(l.quantityMilli),
        partReference: l.partReference,
        partBrand: l.partBrand,
        partLabel: l.partLabel,
      })),
  }));
}

export const DIFFUSION = {
  email: { diffusionId: 38, diffusionLabel: 'Email' },
  sms: { diffusionId: 39, diffusionLabel: 'SMS' },
  postal: { diffusionId: 40, diffusionLabel: 'Courrier' },
} as const;

export function diffusionList(channels: Reminder['channels']) {
  return (['email', 'sms', 'postal'] as const).filter((c) => channels[c]).map((c) => DIFFUSION[c]);
}

export function reminders(view: VehicleView, timeZone: string) {
  return view.reminders.map((r) => ({
    campaignId: r.campaignId,
    campaignlabel: r.label,
    campaignType: r.type,
    memberId: r.member?.memberId ?? null,
    memberPoSCode: r.member?.posCode ?? null,
    memberTradeName: r.member?.tradeName ?? null,
    campaignDiffusionDate: localDateTime(new Date(r.diffusedAt), timeZone),
    diffusionList: diffusionList(r.channels),
    operationList: [
      { operationId: r.jobId, operationLabel: r.jobLabel, messageDescription: r.promotionLabel },
    ],
    clientDmsId: r.clientDmsId,
  }));
}

export function vehicleInformations(view: VehicleView) {
  const p = view.profile;
  return {
    monthlyMilageEstimated: p.rate,
    vehicleReleaseDate: p.releaseDate,
    vehicleVariante: p.variant,
    vehicleLastVisitDate: p.lastVisitDate,
    vehicleLastVisitMileage: p.lastVisitMileage,
    vehicleCurrentMilageEstimated: view.currentMileage,
    vehicleLastTechnicalControlDate: p.lastTechnicalControlDate,
    vehicleNextTechnicalControlDate: p.nextTechnicalControlDate,
  };
}

export function diagnostic(view: VehicleView) {
  const entry = (e: { jobId: number; label: string; estimatedDate: string }) => ({
    privateJobId: e.jobId,
    privateJobLabel: e.label,
    estimatedDate: e.estimatedDate,
  });
  return {
    diagnosticDate: view.diagnostic.date,
    overdueJobList: view.diagnostic.overdue.map(entry),
    upcomingJobList: view.diagnostic.upcoming.map(entry),
  };
}

export function vision360(view: VehicleView, timeZone: string) {
  return {
    vehicleInformations: vehicleInformations(view),
    clientList: rawClientRows(view),
    importFactureList: rawInvoiceRows(view),
    relanceClientList: view.clients.map(clientEntry),
    vehiculeHistoriqueList: history(view),
    vehiculePrevisionList: forecasts(view),
    vehiculeFactureList: qualifiedInvoices(view),
    vehiculeDiagnostic: diagnostic(view),
    vehiculeRelanceList: reminders(view, timeZone),
  };
}
