import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/**
 * Refuses bodies over `maxBytes` with 413. A declared Content-Length is checked from the header
 * alone (HTTP framing holds the body to it); only chunked bodies go through hono's streaming
 * bodyLimit, which costs about 0.15 ms of CPU per request because it builds a full Request.
 */
export function maxBodySize(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => new HTTPException(413, { message: `The request body is larger than ${maxBytes} bytes.` });
  const streaming = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding')) return streaming(c, next);
    if (Number(declared) > maxBytes) throw tooLarge();
    await next();
  };
}
