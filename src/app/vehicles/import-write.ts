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
import type { VehicleClientTable, VehicleInvoiceLineTable } from '../../db/schema/vehicle.table.js';
import type { UnitOfWork } from '../unit-of-work.js';
import type { RecordSource } from './csv-records.js';
import { walkFile } from './import-validate.js';

export interface ImportTarget {
  merchantId: string;
  storeId: string;
  importId: string;
  today: string;
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
        await repo.ensureVehicle(uow.tx, t.merchantId, plate, uow.now);
        await repo.linkClientVehicle(uow.tx, t.merchantId, client.customerId, plate, 'import');
      }
      counts.clientRows += 1;
    },
  );
}

async function writeInvoices(uow: UnitOfWork, t: ImportTarget, source: RecordSource, counts: WriteCounts) {
  const invoices = new Map<string, { id: number; lines: number }>();
  let batch: VehicleInvoiceLineTable[] = [];
  const flush = async () => {
    await repo.insertLines(uow.tx, batch);
    counts.lines += batch.length;
    batch = [];
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
      let invoice = invoices.get(key);
      if (!invoice) {
        const plate = normalizePlate(String(row.vehicleRegistrationPlate));
        const existing = await repo.findInvoiceId(uow.tx, t.merchantId, siret, dmsId);
        const header = {
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
          plate,
          store_id: t.storeId,
          import_id: t.importId,
        };
        if (existing) {
          await flush(); // lines of this invoice already buffered cannot exist (first appearance), but keep order
          await repo.replaceInvoice(uow.tx, { ...header, invoice_id: Number(existing.invoice_id) });
          invoice = { id: Number(existing.invoice_id), lines: 0 };
          counts.invoicesUpdated += 1;
        } else {
          const id = await repo.reserve(uow.tx, t.merchantId, 'next_invoice_id');
          await repo.insertInvoice(uow.tx, { ...header, invoice_id: id });
          invoice = { id, lines: 0 };
          counts.invoicesCreated += 1;
        }
        invoices.set(key, invoice);
        await repo.ensureVehicle(uow.tx, t.merchantId, plate, uow.now);
      }
      if (!hasLine(row)) return;
      invoice.lines += 1;
      const text = (c: string) => s(row[c]) ?? '';
      batch.push({
        merchant_id: t.merchantId,
        invoice_id: invoice.id,
        line_no: invoice.lines,
        quantity_milli: Number(row.partQuantity ?? 0),
        package_code: text('packageCode'),
        package_label: text('packageLabel'),
        job_code: text('jobCode'),
        job_label: text('jobLabel'),
        part_reference: text('partReference'),
        part_brand: text('partBrand'),
        part_label: text('partLabel'),
      });
      if (batch.length >= LINE_BATCH) await flush();
    },
  );
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
  await writeClients(uow, target, sources.clients, counts);
  await writeInvoices(uow, target, sources.factures, counts);
  return counts;
}
