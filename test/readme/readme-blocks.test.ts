import { describe, expect, it } from 'vitest';
import { mismatches, parseCalls, shellBlocks } from './readme-blocks.js';

const doc = [
  '# Title',
  '## Tour',
  '```sh',
  'curl -s http://x/a',
  'curl -s -X POST http://x/b   # → 422 {"error": ...}',
  '```',
  '```sh',
  'npm ci',
  '```',
].join('\n');

describe('README checking', () => {
  it('finds the curl blocks with their section and documented statuses', () => {
    expect(shellBlocks(doc)).toEqual([
      {
        section: 'Tour',
        line: 3,
        code: 'curl -s http://x/a\ncurl -s -X POST http://x/b   # → 422 {"error": ...}',
        documented: [422],
      },
    ]);
  });

  it('accepts answers that match and flags the rest', () => {
    const [block] = shellBlocks(doc);
    const calls = parseCalls('STATUS 200 GET http://x/a\nnoise\nSTATUS 422 POST http://x/b\n');
    expect(calls).toHaveLength(2);
    expect(mismatches(block!, calls)).toEqual([]);
    expect(mismatches(block!, [calls[0]!])).toEqual(['documented status 422 never came (calls: 200)']);
    expect(mismatches(block!, [{ ...calls[0]!, status: 404 }, calls[1]!])).toEqual([
      'GET http://x/a answered 404, not documented',
    ]);
    expect(mismatches(block!, [])).toContain('no request was made');
  });
});
