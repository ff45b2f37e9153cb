import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sendJson } from '../../../functions/core/http/compress';

const large = { items: Array.from({ length: 100 }, (_, index) => ({ index, text: `feedback item ${index}` })) };
const app = new Hono().get('/large', (c) => sendJson(c, large, 201)).get('/small', (c) => sendJson(c, { ok: true }));

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('sendJson', () => {
  it('gzips a large body for a client that accepts gzip, and it decodes to the same JSON', async () => {
    const response = await get('/large', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(large).length / 3);
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(large);
  });

  it.each([undefined, 'identity', 'br', 'gzip;q=0, br'])('sends it plain when the client accepts %s', async (header) => {
    const plain = await get('/large', header);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.json()).toEqual(large);
  });

  it('leaves small bodies alone', async () => {
    const small = await get('/small', 'gzip');
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
  });
});
