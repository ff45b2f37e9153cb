import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressJson } from '../../../functions/core/http/compress';

const large = { items: Array.from({ length: 100 }, (_, index) => ({ index, text: `feedback item ${index}` })) };
const app = new Hono()
  .use(compressJson())
  .get('/large', (c) => c.json(large))
  .get('/small', (c) => c.json({ ok: true }))
  .get('/text', (c) => c.text('x'.repeat(5000)));

const get = (path: string, acceptEncoding?: string) => app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('compressJson', () => {
  it('sends brotli when the client accepts it, and the body decodes to the same JSON', async () => {
    const response = await get('/large', 'gzip, deflate, br, zstd');
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('content-length')).toBeNull();
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(JSON.stringify(large).length / 3);
    expect(JSON.parse(brotliDecompressSync(bytes).toString())).toEqual(large);
  });

  it('falls back to gzip, and to identity when nothing it knows is accepted', async () => {
    const gzip = await get('/large', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString())).toEqual(large);
    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/large', header);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.json()).toEqual(large);
    }
  });

  it('leaves small bodies and other content types alone', async () => {
    const small = await get('/small', 'br');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const text = await get('/text', 'br');
    expect(text.headers.get('content-encoding')).toBeNull();
    expect(await text.text()).toHaveLength(5000);
  });
});
