import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';

interface Media {
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface Operation {
  summary?: string;
  description?: string;
  requestBody?: { content: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
}

const hasExample = (content: Record<string, Media> | undefined) =>
  content !== undefined &&
  Object.values(content).some((media) => media.example !== undefined || media.examples !== undefined);

/** What /docs lacks: every operation needs a summary, a description, a request example and a success example. */
export function missingDocs(paths: Record<string, Record<string, Operation>>): string[] {
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.summary) missing.push(`${name}: summary`);
      if (!op.description) missing.push(`${name}: description`);
      if (op.requestBody && !hasExample(op.requestBody.content)) missing.push(`${name}: request example`);
      const success = Object.entries(op.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
      if (success && success[1].content && !hasExample(success[1].content))
        missing.push(`${name}: response example (${success[0]})`);
    }
  return missing;
}

describe('/docs documents every route', () => {
  let h: Harness;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    h = await createHarness({ kind: 'sqlite' });
    doc = (await h.request({ url: '/openapi.json' })).json();
    paths = doc.paths;
  });
  afterAll(() => h.close());

  it('gives every operation a summary, a description, a request example and a success response example', () => {
    expect(Object.keys(paths).length).toBeGreaterThan(50);
    expect(missingDocs(paths)).toEqual([]);
  });

  it('gives examples that are valid against their own schemas', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema(doc, 'doc');
    const pointer = (...parts: string[]) =>
      parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    const invalid: string[] = [];
    let checked = 0;
    const check = (name: string, media: Media & { schema?: unknown }, at: string) => {
      if (media.example === undefined || media.schema === undefined) return;
      checked += 1;
      const validate = ajv.compile({ $ref: `doc#/${at}` });
      if (!validate(media.example)) invalid.push(`${name}: ${ajv.errorsText(validate.errors)}`);
    };
    for (const [path, ops] of Object.entries(paths))
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
          check(
            `${name} request`,
            media,
            pointer('paths', path, method, 'requestBody', 'content', type, 'schema'),
          );
        for (const [status, response] of Object.entries(op.responses ?? {}))
          if (/^2\d\d$/.test(status))
            for (const [type, media] of Object.entries(response.content ?? {}))
              check(
                `${name} ${status}`,
                media,
                pointer('paths', path, method, 'responses', status, 'content', type, 'schema'),
              );
      }
    expect(checked).toBeGreaterThan(100);
    expect(invalid).toEqual([]);
  });
});
