import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../functions/core/api/routes';

/**
 * The API answers as HTTP tools expect: a path it has, called with a method it does not take, is
 * a 405 naming the methods it does take (Allow), not a 404 that says the path is not there;
 * OPTIONS lists them. Sent through the local origin, as CloudFront and API Gateway route them.
 */
const stack = inject('stack');

/** node:http, because fetch refuses TRACE. */
const send = (method: string, path: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const url = new URL(`${stack.webUrl}${path}`);
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });

const samplePath = (path: string) => path.replace(/\{\w+\}/g, 'x');
const paths = [...new Set(routes.map((route) => route.path))];

describe('methods a path does not take', () => {
  it.each(paths)('%s: other methods get 405 with Allow, as problem+json', async (path) => {
    const declared = routes.filter((route) => route.path === path).map((route) => route.method.toUpperCase());
    const expected = [...declared, ...(declared.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'].filter((candidate) => !declared.includes(candidate))) {
      const response = await send(method, samplePath(path));
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(String(response.headers.allow).split(', ').sort()).toEqual([...expected].sort());
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.body)).toMatchObject({ status: 405, type: '/problems/method-not-allowed' });
    }
    const options = await send('OPTIONS', samplePath(path));
    expect(options.status).toBe(204);
    expect(String(options.headers.allow).split(', ').sort()).toEqual([...expected].sort());
  });

  it('a path the API does not have is still a 404, whatever the method', async () => {
    for (const method of ['GET', 'PUT']) {
      const response = await send(method, '/api/no-such-thing');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json');
    }
  });
});
