import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

// Docker is not available where the tests run: the Dockerfile is checked like a linter would, never built.
describe('deployment examples', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it('the Dockerfile copies only files of this repository and runs the tessera command', () => {
    const copies = instructions.filter((l) => l.startsWith('COPY ') && !l.includes('--from='));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      const sources = copy.split(/\s+/).slice(1, -1);
      for (const source of sources) expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
    }
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data']));
    expect(instructions.filter((l) => l.startsWith('FROM '))).toEqual([
      'FROM node:20-bookworm-slim AS build',
      'FROM node:20-bookworm-slim',
    ]);
    expect(instructions).toContain('ENTRYPOINT ["node", "bin/tessera.js"]');
    expect(instructions).toContain('CMD ["serve"]');
    expect(instructions).toContain('USER node');
    expect(fs.existsSync(path.join(ROOT, 'bin/tessera.js'))).toBe(true);
  });

  it('every instruction is one Docker knows', () => {
    const known = new Set([
      'FROM',
      'RUN',
      'COPY',
      'ENV',
      'WORKDIR',
      'USER',
      'VOLUME',
      'EXPOSE',
      'HEALTHCHECK',
      'ENTRYPOINT',
      'CMD',
    ]);
    for (const line of instructions) expect(known, line).toContain(line.split(/\s+/)[0]);
  });

  it('the systemd unit in deploy/ is the one the README shows, and runs this checkout', () => {
    const unit = read('deploy/tessera.service').split('\n').slice(1).join('\n');
    const shown = /```ini\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
    expect(unit).toBe(shown);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/tessera\/bin\/tessera\.js serve$/m);
    expect(unit).toMatch(/^ExecStartPre=.*tessera\.js migrate$/m);
    for (const section of ['[Unit]', '[Service]', '[Install]']) expect(unit).toContain(section);
  });

  it('ships the Apache-2.0 license the package declares, and engines the native module supports', () => {
    const pkg = JSON.parse(read('package.json')) as { license: string; engines: { node: string } };
    expect(pkg.license).toBe('Apache-2.0');
    expect(read('LICENSE')).toContain('Apache License\n                           Version 2.0, January 2004');
    // better-sqlite3 supports Node 20 and 22 to 26 (not 21); fastify 5 needs 20; import.meta.dirname 20.11.
    expect(pkg.engines.node).toBe('^20.11.0 || >=22.0.0 <27');
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    expect((major === 20 && minor >= 11) || (major >= 22 && major < 27)).toBe(true);
  });
});
