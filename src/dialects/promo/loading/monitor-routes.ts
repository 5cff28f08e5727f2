/**
 * The import monitor of the PROMO imports (the manual's console screen, as a query): an import's state,
 * totals, per-item errors and content; and its reprocessing, which queues the same content again.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { getImport, listImports, type ImportRecord } from '../../../app/imports/imports.js';
import { importContent } from '../../../app/loading/import-queue.js';
import { PromoAnswer } from '../errors.js';
import { promoQuery } from '../route-kit.js';
import { StatusText } from '../wire/common.js';
import * as env from './envelopes.js';
import * as ex from './examples.js';
import { promoImport } from './import-route.js';

export function monitorRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    const promoImportRecord = async (merchantId: string, id: string) => {
      const found = await getImport(deps, merchantId, id);
      if (!found.ok || !found.value.kind.startsWith('promo.'))
        throw new PromoAnswer(404, {
          status: 'import not found',
          description: `No existe la importación ${id}`,
        });
      return found.value;
    };

    promoQuery(
      app,
      deps,
      '/api/rest/importMonitor',
      {
        summary: 'Import monitor: the state of the company’s imports',
        description:
          'With `id` (the `X-Import-Id` of the upload): that import — status PENDIENTE (queued), PROCESANDO, PROCESADO, RECHAZADO or ERROR, totals and per-item errors `{rec, code, msg}` (the first 200) and the `content` sent. Without: the latest `limit` (default 20, max 100) imports, newest first. Not in the manual (its monitor is a console screen); added so a REST client can follow its imports.',
        query: ['companyId', 'id', 'limit'],
        example: ex.IMPORT_MONITOR_RESPONSE,
      },
      async (company, q) => {
        if (q.id) {
          const found = await promoImportRecord(company.merchantId, q.id);
          return { ...monitorView(found), content: await importContent(deps, q.id) };
        }
        const limit = q.limit === undefined ? 20 : Number(q.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          throw env.received('limit is Invalid', 'El parámetro limit debe ser un entero entre 1 y 100');
        const page = await listImports(deps, company.merchantId, { limit });
        return page.data.filter((r) => r.kind.startsWith('promo.')).map(monitorView);
      },
    );

    promoImport(
      app,
      deps,
      '/api/rest/importMonitor/reprocess',
      {
        summary: 'Reprocess an import',
        description:
          'Queues the content of import `id` again as a new import (the manual’s monitor "allows reprocessing"), answered with the catalog envelope and the new `X-Import-Id`. 404 for an unknown import, 400 `companyId is Required` / `companyId is Invalid`.',
        request: { companyId: 'napse', id: 'imp_01m8jfx0yh4f5z3xzsg7sk2dw5' },
        example: { ...ex.CATALOG_RESPONSE, description: 'catalogBrand' },
        refused: StatusText,
        refusals: { envelope: 'received' },
      },
      async (b, company) => {
        const id = env.text(b.id);
        if (!id) throw env.received('id is Required', 'Debe enviar el campo id');
        const original = await promoImportRecord(company.merchantId, id);
        return {
          kind: original.kind,
          content: await importContent(deps, id),
          answer: env.catalogEnvelope('200', monitorView(original).type, env.CATALOG_ACCEPTED),
        };
      },
    );
  };
}

const STATUS: Record<ImportRecord['status'], string> = {
  queued: 'PENDIENTE',
  running: 'PROCESANDO',
  accepted: 'PROCESADO',
  rejected: 'RECHAZADO',
  failed: 'ERROR',
};

const noMillis = (iso: string | null) => (iso ? iso.replace(/\.\d{3}Z$/, 'Z') : null);

function monitorView(r: ImportRecord) {
  const parts = r.kind.split('.');
  return {
    id: r.id,
    type:
      parts[1] === 'catalog' || parts[1] === 'priceList' ? parts.slice(2).join('.') || parts[1]! : parts[1]!,
    ...(parts[1] === 'priceList' ? { store: parts.slice(2).join('.'), type: 'priceList' } : {}),
    status: STATUS[r.status],
    received: noMillis(r.receivedAt),
    finished: noMillis(r.finishedAt),
    total: r.counts.processed ?? 0,
    ok: r.counts.ok ?? 0,
    errors: r.errorCount,
    counts: r.counts,
    errorDetails: r.errors.map((e) => ({
      rec: e.location.startsWith('rec:') ? Number(e.location.slice(4)) : 0,
      code: e.code,
      msg: e.message,
    })),
  };
}
