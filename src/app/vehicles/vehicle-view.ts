/**
 * Everything known about one vehicle of a network, read in one transaction and computed by the core:
 * raw client rows, clients, invoices with their qualified lines, jobs done, profile (mileage, forecasts),
 * diagnostic as of a date, and the campaign reminders it received.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { diagnosticOf } from '../../core/vehicles/forecasts.js';
import { currentMileage } from '../../core/vehicles/mileage.js';
import { vehicleProfile, type Occurrence, type VehicleProfile } from '../../core/vehicles/profile.js';
import { qualifyLine, type UsedSource } from '../../core/vehicles/qualify.js';
import { normalizePlate } from '../../core/vehicles/text.js';
import type { TypedRow } from '../../core/vehicles/import-rows.js';
import * as repo from '../../db/repos/vehicles.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { catalogOf, listMembers, type Member, type Network } from './network.js';
import { clientOf, type VehicleClient } from './client-record.js';

export interface InvoiceLine {
  lineNo: number;
  packageCode: string;
  packageLabel: string;
  jobCode: string;
  jobLabel: string;
  quantityMilli: number;
  partReference: string;
  partBrand: string;
  partLabel: string;
  job: { id: number; label: string; source: UsedSource } | null;
}

export interface Invoice {
  invoiceId: number;
  siret: string;
  dmsId: string;
  clientDmsId: string;
  date: string;
  amountMinor: number;
  vin: string | null;
  mileage: number | null;
  plateRaw: string;
  member: Member | null;
  lines: InvoiceLine[];
}

export interface Reminder {
  campaignId: number;
  label: string;
  type: string;
  member: Member | null;
  diffusedAt: string;
  jobId: number;
  jobLabel: string;
  promotionId: number;
  promotionLabel: string;
  clientDmsId: string | null;
  channels: { sms: boolean; email: boolean; postal: boolean };
}

export interface VehicleView {
  plate: string;
  asOf: string;
  rawClientRows: { clientId: number; values: TypedRow }[];
  clients: VehicleClient[];
  invoices: Invoice[];
  /** Jobs done, most recent first. */
  history: (Occurrence & { jobLabel: string; invoice: Invoice })[];
  profile: VehicleProfile;
  currentMileage: number;
  diagnostic: ReturnType<typeof diagnosticOf>;
  reminders: Reminder[];
}

export async function readVehicle(
  deps: Deps,
  network: Network,
  plateInput: string,
  asOf: string,
): Promise<Result<VehicleView>> {
  const plate = normalizePlate(plateInput);
  const m = network.merchantId;
  return inTransaction(deps.db, async (tx) => {
    if (!(await repo.vehicleExists(tx, m, plate))) return fail('VEHICLE_NOT_FOUND');
    const members = await listMembers(tx, m);
    const byStore = new Map(members.map((x) => [x.storeId, x]));
    const bySiret = new Map(members.map((x) => [x.siret, x]));
    const catalog = await catalogOf(tx, m);
    const labelOf = (id: number) => catalog.find((j) => j.id === id)?.label ?? String(id);
    const rows = await repo.clientRowsOfPlate(tx, m, plate);
    const invoiceRows = await repo.invoicesOfPlate(tx, m, plate);
    const lineRows = await repo.linesOfInvoices(
      tx,
      m,
      invoiceRows.map((i) => Number(i.invoice_id)),
    );
    const invoices: Invoice[] = invoiceRows.map((i) => ({
      invoiceId: Number(i.invoice_id),
      siret: i.workshop_siret,
      dmsId: i.dms_id,
      clientDmsId: i.client_dms_id,
      date: i.invoice_date,
      amountMinor: Number(i.amount_minor),
      vin: i.vin,
      mileage: i.mileage === null ? null : Number(i.mileage),
      plateRaw: i.plate_raw,
      member: bySiret.get(i.workshop_siret) ?? null,
      lines: lineRows
        .filter((l) => Number(l.invoice_id) === Number(i.invoice_id))
        .map((l) => {
          const q = qualifyLine({
            packageLabel: l.package_label,
            jobLabel: l.job_label,
            partLabel: l.part_label,
          });
          return {
            lineNo: Number(l.line_no),
            packageCode: l.package_code,
            packageLabel: l.package_label,
            jobCode: l.job_code,
            jobLabel: l.job_label,
            quantityMilli: Number(l.quantity_milli),
            partReference: l.part_reference,
            partBrand: l.part_brand,
            partLabel: l.part_label,
            job:
              q && catalog.some((j) => j.id === q.jobId)
                ? { id: q.jobId, label: labelOf(q.jobId), source: q.source }
                : null,
          };
        }),
    }));
    const typedRows = rows.map((r) => ({
      order: Number(r.row_order),
      clientId: Number(r.client_id),
      values: JSON.parse(r.row_values) as TypedRow,
    }));
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const profile = vehicleProfile(
      typedRows.map((r) => ({
        order: r.order,
        lastVisitDate: str(r.values.vehicleLastVisitDate),
        lastVisitMileage: num(r.values.vehicleLastVisitMileage),
        releaseDate: str(r.values.vehicleReleaseDate),
        variant: str(r.values.vehicleVariant),
        lastTechnicalControlDate: str(r.values.vehicleLastTechnicalControlDate),
        nextTechnicalControlDate: str(r.values.vehicleNextTechnicalControlDate),
      })),
      invoices.map((i) => ({
        id: i.invoiceId,
        date: i.date,
        mileage: i.mileage !== null && i.mileage > 0 ? i.mileage : null,
        jobs: i.lines.filter((l) => l.job).map((l) => ({ jobId: l.job!.id, source: l.job!.source })),
      })),
      catalog,
      network.defaultMonthlyMileage,
    );
    const byId = new Map(invoices.map((i) => [i.invoiceId, i]));
    const history = profile.occurrences
      .map((o) => ({ ...o, jobLabel: labelOf(o.jobId), invoice: byId.get(o.invoiceId)! }))
      .sort((a, b) =>
        a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.invoiceId - a.invoiceId || a.jobId - b.jobId,
      );
    // Raw rows: last visit ascending, rows without it first, then import order.
    const rawClientRows = [...typedRows]
      .sort((a, b) => {
        const da = str(a.values.vehicleLastVisitDate);
        const db = str(b.values.vehicleLastVisitDate);
        if (da !== db) return da === null ? -1 : db === null ? 1 : da < db ? -1 : 1;
        return a.order - b.order;
      })
      .map((r) => ({ clientId: r.clientId, values: r.values }));
    const clients = (await repo.clientsOfPlate(tx, m, plate)).map((c) => clientOf(c, byStore));
    const reminders = (await repo.remindersOfPlate(tx, m, plate)).map((r) => ({
      campaignId: Number(r.campaign_id),
      label: r.label,
      type: r.type,
      member: byStore.get(r.store_id) ?? null,
      diffusedAt: r.diffused_at!,
      jobId: Number(r.job_id),
      jobLabel: labelOf(Number(r.job_id)),
      promotionId: Number(r.promotion_id),
      promotionLabel: r.promotion_label,
      clientDmsId: r.client_dms_id,
      channels: { sms: r.sms === 1, email: r.email === 1, postal: r.postal === 1 },
    }));
    return ok({
      plate,
      asOf,
      rawClientRows,
      clients,
      invoices,
      history,
      profile,
      currentMileage: currentMileage(profile.kept, profile.curve, asOf),
      diagnostic: diagnosticOf(profile.forecasts, asOf),
      reminders,
    });
  });
}
