import type { MiddlewareHandler } from 'hono';

/**
 * API answers are personal and current: no cache may keep them. Set before the handler runs, so
 * the header is part of the response as it is built; setting it afterwards makes Hono rebuild the
 * finished Response, which costs more CPU than the rest of a request's HTTP handling.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  c.header('cache-control', 'no-store');
  await next();
};
