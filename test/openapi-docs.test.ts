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
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    h = await createHarness({ kind: 'sqlite' });
    paths = (await h.request({ url: '/openapi.json' })).json().paths;
  });
  afterAll(() => h.close());

  it('gives every operation a summary, a description, a request example and a success response example', () => {
    expect(Object.keys(paths).length).toBeGreaterThan(50);
    expect(missingDocs(paths)).toEqual([]);
  });
});
