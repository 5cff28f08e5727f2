import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installConsole } from '../src/http/console.js';

describe('the console is served at /console', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-console-'));
  const app = Fastify();
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
    await installConsole(app, dir);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    const asset = await app.inject({ url: '/console/assets/index-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    for (const url of ['/console', '/console/', '/console/index.html']) {
      const page = await app.inject({ url });
      expect([url, page.statusCode, page.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(page.body).toContain('<title>console</title>');
    }
  });

  it('answers index.html for the screens of the app, and 404 for a missing asset', async () => {
    const screen = await app.inject({ url: '/console/customers/cus_123?tab=x' });
    expect(screen.statusCode).toBe(200);
    expect(screen.headers['cache-control']).toBe('no-cache');
    expect(screen.body).toContain('<title>console</title>');
    expect((await app.inject({ url: '/console/assets/index-old.js' })).statusCode).toBe(404);
  });

  it('says how to build it when the build is missing', async () => {
    const bare = Fastify();
    await installConsole(bare, path.join(dir, 'nowhere'));
    const res = await bare.inject({ url: '/console/' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('npm run build');
    await bare.close();
  });
});
