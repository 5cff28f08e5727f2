import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WalFlusher } from './wal-flusher.js';

describe('WalFlusher', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-wal-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has nothing to flush before the WAL exists', async () => {
    const flusher = new WalFlusher(path.join(dir, 'none.sqlite-wal'));
    await expect(flusher.flush()).resolves.toBeUndefined();
    await flusher.close();
  });

  it('makes callers that arrive during a flush share the next one', async () => {
    const file = path.join(dir, 'db.sqlite-wal');
    fs.writeFileSync(file, 'frames');
    const flusher = new WalFlusher(file);
    const first = flusher.flush();
    // These arrive while the first flush runs: their writes may be after its start, so they wait for a
    // second flush, which they share.
    const later = [flusher.flush(), flusher.flush(), flusher.flush(), flusher.flush()];
    expect(later[0]).toBe(later[3]);
    await Promise.all([first, ...later]);
    expect(flusher.flushes).toBe(2);
    await flusher.flush();
    expect(flusher.flushes).toBe(3);
    await flusher.close();
  });

  it('reports a flush that fails to everyone waiting for it', async () => {
    const file = path.join(dir, 'gone.sqlite-wal');
    fs.mkdirSync(file);
    const flusher = new WalFlusher(file);
    await expect(flusher.flush()).rejects.toThrow();
    await flusher.close();
  });
});
