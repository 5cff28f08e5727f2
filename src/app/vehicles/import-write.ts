/**
 * The writing pass of a clients-and-invoices import, inside the import's unit of work: raw client rows,
 * clients (customers of the merchant owned by the importing member), vehicles and their links, invoices
 * (an existing invoice keeps its id, has its header updated and its lines replaced). Nothing is deleted.
 */
import { allowed, frenchMobile, privacyText } from '../../core/vehicles/contact.js';
import { hasLine, type TypedRow } from '../../core/vehicles/import-rows.js';
import { normalizePlate } from '../../core/vehicles/text.js';
import { nextCustomerRef } from '../../db/repos/customers.repo.js';
import * as repo from '../../db/repos/vehicle-import.repo.js';
import type {
  VehicleClientTable,
  VehicleInvoiceLineTable,
  VehicleInvoiceTable,
} from '../../db/schema/index.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { RecordSource } from './csv-records.js';
import { walkFile } from './import-validate.js';

export interface ImportTarget {
  merchantId: string;
  storeId: string;
  importId: string;
  today: string;
  /** Plates this import has already made sure of (one statement per vehicle, not per row). */
  vehicles?: Set<string>;
}

export interface WriteCounts {
  clientRows: number;
  clientsCreated: number;
  clientsUpdated: number;
  invoicesCreated: number;
  invoicesUpdated: number;
  lines: number;
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const LINE_BATCH = 500;

function customerPart(
  c: Omit<VehicleClientTable, 'customer_id' | 'merchant_id' | 'client_id' | 'store_id' | 'updated_at'>,
) {
  const a = allowed({ smsFlag: c.sms_flag === 1, emailFlag: c.email_flag === 1, privacy: c.privacy });
  return {
    civility: c.civility,
    first_name: c.first_name,
    last_name: c.last_name ?? c.company,
    address1: c.address1,
    address2: c.address2,
    zip_code: c.postal_code,
    city: c.city,
    email: c.email,
    mobile: frenchMobile(c.mobile_phone),
    attributes: JSON.stringify(c.company ? { company: c.company } : {}),
    consents: JSON.stringify({ email: a.email, sms: a.sms, push: false }),
    blacklist: JSON.stringify({ email: c.email_flag !== 1, sms: c.sms_flag !== 1, push: false }),
    search_text: [c.first_name, c.last_name, c.company, c.email, c.dms_id]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
  };
}

async function ensureVehicle(uow: UnitOfWork, t: ImportTarget, plate: string): Promise<void> {
  if (t.vehicles?.has(plate)) return;
  await repo.ensureVehicle(uow.tx, t.merchantId, plate, uow.now);
  t.vehicles?.add(plate);
}

async function writeClients(uow: UnitOfWork, t: ImportTarget, source: RecordSource, counts: WriteCounts) {
  const known = new Map<string, { customerId: string; syncPhone: boolean; syncEmail: boolean }>();
  await walkFile(
    'clients.csv',
    source,
    t.today,
    () => {},
    async (_line, row) => {
      const siret = String(row.workshopNationalId);
      const dmsId = String(row.clientDmsId);
      const key = `${siret}\u0000${dmsId}`;
      let client = known.get(key);
      if (!client) {
        const found = await repo.findClientByIdentity(uow.tx, t.merchantId, t.storeId, siret, dmsId);
        if (found)
          client = {
            customerId: found.customer_id,
            syncPhone: found.sync_phone === 1,
            syncEmail: found.sync_email === 1,
          };
      }
      const fields = {
        workshop_siret: siret,
        dms_id: dmsId,
        civility: s(row.clientCivility),
        last_name: s(row.clientLastName),
        first_name: s(row.clientFirstName),
        company: s(row.clientCompanyName),
        address1: s(row.clientAddress1),
        address2: s(row.clientAddress2),
        postal_code: s(row.clientPostalCode),
        city: s(row.clientCity),
        privacy: privacyText({
          homePhone: row.clientPrivacyHomePhone === true,
          mobilePhone: row.clientPrivacyMobilePhone === true,
          professionalPhone: row.clientPrivacyProfessionalPhone === true,
          email: row.clientPrivacyEmail === true,
          postal: row.clientPrivacyPostal === true,
        }),
      };
      const phones = {
        home_phone: s(row.clientHomePhone),
        mobile_phone: s(row.clientMobilePhone),
        pro_phone: s(row.clientProfessionalPhone),
      };
      const email = { email: s(row.clientEmail) };
      if (!client) {
        const ref = await nextCustomerRef(uow.tx, t.merchantId);
        const record: VehicleClientTable = {
          customer_id: uow.newId('cus'),
          merchant_id: t.merchantId,
          client_id: ref,
          store_id: t.storeId,
          ...fields,
          ...phones,
          ...email,
          sms_flag: 1,
          email_flag: 1,
          sync_phone: 1,
          sync_email: 1,
          updated_at: uow.now,
        };
        await repo.insertClient(uow.tx, t.merchantId, ref, customerPart(record), record, uow.now);
        client = { customerId: record.customer_id, syncPhone: true, syncEmail: true };
        counts.clientsCreated += 1;
      } else {
        const current = await repo.findClientByCustomerId(uow.tx, client.customerId);
        const next = {
          ...current,
          ...fields,
          ...(client.syncPhone ? phones : {}),
          ...(client.syncEmail ? email : {}),
          updated_at: uow.now,
        };
        await repo.updateClient(uow.tx, client.customerId, customerPart(next), next, uow.now);
        counts.clientsUpdated += 1;
      }
      known.set(key, client);
      const plate =
        row.vehicleRegistrationPlate === null ? '' : normalizePlate(String(row.vehicleRegistrationPlate));
      await repo.upsertClientRow(uow.tx, {
        merchant_id: t.merchantId,
        store_id: t.storeId,
        row_order: await repo.reserve(uow.tx, t.merchantId, 'next_row_order'),
        import_id: t.importId,
        customer_id: client.customerId,
        plate,
        row_values: JSON.stringify(row),
        workshop_siret: siret,
        dms_id: dmsId,
        last_visit_date: s(row.vehicleLastVisitDate),
      });
      if (plate !== '') {
        await ensureVehicle(uow, t, plate);
        await repo.linkClientVehicle(uow.tx, t.merchantId, client.customerId, plate, 'import');
      }
      counts.clientRows += 1;
    },
  );
}

type LineDraft = Omit<VehicleInvoiceLineTable, 'invoice_id' | 'line_no'>;
type InvoiceHeader = Omit<VehicleInvoiceTable, 'invoice_id'>;

/** Invoices resolved per chunk of this many first appearances: one read, one id reservation, one insert. */
const INVOICE_CHUNK = 300;

async function writeInvoices(uow: UnitOfWork, t: ImportTarget, source: RecordSource, counts: WriteCounts) {
  const invoices = new Map<string, { id: number; lines: number }>();
  const pending = new Map<string, { header: InvoiceHeader; lines: LineDraft[] }>();
  let batch: VehicleInvoiceLineTable[] = [];
  const flush = async () => {
    await repo.insertLines(uow.tx, batch);
    counts.lines += batch.length;
    batch = [];
  };
  const addLine = async (key: string, draft: LineDraft) => {
    const invoice = invoices.get(key)!;
    invoice.lines += 1;
    batch.push({ ...draft, invoice_id: invoice.id, line_no: invoice.lines });
    if (batch.length >= LINE_BATCH) await flush();
  };
  // New invoices take the next ids in order of first appearance; an existing one keeps its id, has its
  // header updated and its lines replaced.
  const resolve = async () => {
    if (pending.size === 0) return;
    const entries = [...pending.entries()];
    const existing = new Map<string, number>();
    const bySiret = new Map<string, string[]>();
    for (const [, p] of entries)
      bySiret.set(p.header.workshop_siret, [
        ...(bySiret.get(p.header.workshop_siret) ?? []),
        p.header.dms_id,
      ]);
    for (const [siret, dmsIds] of bySiret)
      for (const [dmsId, id] of await repo.findInvoiceIds(uow.tx, t.merchantId, siret, dmsIds))
        existing.set(`${siret}\u0000${dmsId}`, id);
    const fresh = entries.filter(([key]) => !existing.has(key));
    let next = fresh.length ? await repo.reserve(uow.tx, t.merchantId, 'next_invoice_id', fresh.length) : 0;
    const inserts: VehicleInvoiceTable[] = [];
    for (const [key, p] of entries) {
      const known = existing.get(key);
      if (known !== undefined) {
        await repo.replaceInvoice(uow.tx, { ...p.header, invoice_id: known });
        invoices.set(key, { id: known, lines: 0 });
        counts.invoicesUpdated += 1;
      } else {
        inserts.push({ ...p.header, invoice_id: next });
        invoices.set(key, { id: next, lines: 0 });
        next += 1;
        counts.invoicesCreated += 1;
      }
      await ensureVehicle(uow, t, p.header.plate);
    }
    await repo.insertInvoices(uow.tx, inserts);
    for (const [key, p] of entries) for (const draft of p.lines) await addLine(key, draft);
    pending.clear();
  };
  await walkFile(
    'factures.csv',
    source,
    t.today,
    () => {},
    async (_line, row: TypedRow) => {
      const siret = String(row.workshopNationalId);
      const dmsId = String(row.invoiceDmsId);
      const key = `${siret}\u0000${dmsId}`;
      const text = (c: string) => s(row[c]) ?? '';
      const draft: LineDraft | null = hasLine(row)
        ? {
            merchant_id: t.merchantId,
            quantity_milli: Number(row.partQuantity ?? 0),
            package_code: text('packageCode'),
            package_label: text('packageLabel'),
            job_code: text('jobCode'),
            job_label: text('jobLabel'),
            part_reference: text('partReference'),
            part_brand: text('partBrand'),
            part_label: text('partLabel'),
          }
        : null;
      if (invoices.has(key)) {
        if (draft) await addLine(key, draft);
        return;
      }
      const waiting = pending.get(key);
      if (waiting) {
        if (draft) waiting.lines.push(draft);
        return;
      }
      pending.set(key, {
        header: {
          merchant_id: t.merchantId,
          workshop_siret: siret,
          dms_id: dmsId,
          client_dms_id: String(row.clientDmsId),
          invoice_date: String(row.invoiceDate),
          amount_minor: Number(row.invoiceAmount),
          vin: s(row.vehicleVIN),
          mileage:
            typeof row.vehicleMileage === 'number' && row.vehicleMileage > 0 ? row.vehicleMileage : null,
          plate_raw: String(row.vehicleRegistrationPlate),
          plate: normalizePlate(String(row.vehicleRegistrationPlate)),
          store_id: t.storeId,
          import_id: t.importId,
        },
        lines: draft ? [draft] : [],
      });
      if (pending.size >= INVOICE_CHUNK) await resolve();
    },
  );
  await resolve();
  await flush();
}

export async function writeImport(
  uow: UnitOfWork,
  target: ImportTarget,
  sources: { clients: RecordSource; factures: RecordSource },
): Promise<WriteCounts> {
  const counts: WriteCounts = {
    clientRows: 0,
    clientsCreated: 0,
    clientsUpdated: 0,
    invoicesCreated: 0,
    invoicesUpdated: 0,
    lines: 0,
  };
  const t = { ...target, vehicles: new Set<string>() };
  await writeClients(uow, t, sources.clients, counts);
  await writeInvoices(uow, t, sources.factures, counts);
  return counts;
}
