/**
 * Push informations Clients / Factures (spec/mmp.md §4.3, §7): a multipart upload of a ZIP with clients.csv
 * and factures.csv for one member garage, streamed to a temporary file (at most 50 MiB), then imported
 * synchronously and atomically; every problem is reported at once and nothing is written on error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { importClientsInvoices } from '../../app/vehicles/import-clients-invoices.js';
import { listMembers } from '../../app/vehicles/network.js';
import { openArchive } from '../../app/vehicles/zip-archive.js';
import { OFFICE_ROLES } from '../../core/roles.js';
import { issueKey, issueText } from '../../core/vehicles/import-messages.js';
import { HttpError } from '../../http/http-error.js';
import { requireRole } from '../../http/plugins/auth.js';
import { mmpContext } from './context.js';
import { fieldError, forbidden, MESSAGES, MmpError, objectEnvelope } from './envelope.js';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const SUCCESS_TEXT = 'Le fichier a été importé avec succès.';

interface Upload {
  organizationId: string | undefined;
  file: { path: string; name: string; sha256: string } | undefined;
}

/** Reads the parts: the file goes to a temporary file (hashed on the way), the fields are kept. */
async function readUpload(request: FastifyRequest, dir: string): Promise<Upload> {
  const upload: Upload = { organizationId: undefined, file: undefined };
  if (!request.isMultipart()) return upload;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'importFile' || upload.file) {
        part.file.resume();
        continue;
      }
      const target = path.join(dir, 'upload.zip');
      const hash = createHash('sha256');
      const tap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(part.file, tap, fs.createWriteStream(target));
      if (part.file.truncated) throw new HttpError('IMPORT_TOO_LARGE');
      upload.file = { path: target, name: part.filename, sha256: hash.digest('hex') };
    } else if (part.fieldname === 'organizationId') {
      upload.organizationId = String(part.value);
    }
  }
  return upload;
}

export function importRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/:version/:reseau/service-external-client/import-fichier/clients-factures',
      {
        preHandler: requireRole(...OFFICE_ROLES),
        schema: {
          summary: 'Upload a member garage’s clients and invoices (ZIP)',
          description:
            'multipart/form-data with importFile (a ZIP holding clients.csv and factures.csv, ;-separated UTF-8, at most 50 MiB) and organizationId (the member id). Validated whole, then imported in one transaction: 200 means everything is committed; 422 lists every problem (file:line:column) and nothing is written; 409 another import of the network is running; 413 too large; 403 a member user importing for another member.',
          tags: ['MMP Vision 360'],
          consumes: ['multipart/form-data'],
          params: Type.Object({ version: Type.String(), reseau: Type.String() }),
          querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
          body: Type.Unknown({ examples: [{ organizationId: '78612', importFile: '(batch-2-78612.zip)' }] }),
          response: {
            200: Type.Object(
              {
                success: Type.Literal(true),
                data: Type.Object({ success: Type.Boolean(), message: Type.String() }),
                message: Type.String(),
                errors: Type.Array(Type.Unknown()),
              },
              { examples: [objectEnvelope({ success: true, message: SUCCESS_TEXT })] },
            ),
          },
        },
        validatorCompiler: () => () => true,
      },
      async (request) => {
        const ctx = await mmpContext(deps, request);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-import-'));
        try {
          const upload = await readUpload(request, dir);
          const id = upload.organizationId?.trim() ?? '';
          if (id === '')
            throw fieldError('organizationId', {
              en: 'The organization id field is required.',
              fr: 'Le champ organizationId est obligatoire.',
            });
          const member = (await listMembers(deps.db, ctx.network.merchantId)).find(
            (m) => /^\d{1,15}$/.test(id) && m.memberId === Number(id) && m.active,
          );
          if (!member)
            throw fieldError('organizationId', {
              en: 'The selected organization id is invalid.',
              fr: "L'identifiant d'adhérent est invalide.",
            });
          if (ctx.memberStoreId !== null && ctx.memberStoreId !== member.storeId)
            throw forbidden('organizationId');
          const file = upload.file;
          if (!file)
            throw fieldError('importFile', {
              en: 'The import file field is required.',
              fr: 'Le champ importFile est obligatoire.',
            });
          const result = await importClientsInvoices(deps, {
            network: ctx.network,
            storeId: member.storeId,
            createdBy: ctx.caller.principalId,
            fileName: file.name,
            sha256: file.sha256,
            open: () => openArchive(file.path),
          });
          if (!result.ok) throw HttpError.from(result);
          const outcome = result.value;
          if (outcome.status === 'rejected') {
            throw new MmpError(422, MESSAGES.rejected, (lang) => {
              const errors: Record<string, string[]> = {};
              for (const i of outcome.issues) (errors[issueKey(i)] ??= []).push(issueText(i.issue, lang));
              const more = outcome.issueCount - outcome.issues.length;
              if (more > 0)
                (errors.importFile ??= []).push(
                  lang === 'en' ? `… and ${more} more errors.` : `… et ${more} autres erreurs.`,
                );
              return errors;
            });
          }
          return objectEnvelope({ success: true, message: SUCCESS_TEXT });
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  };
}
