import type { Env, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod/mini';
import { InvalidRequest, type ErrorLocation } from '../errors';

function toErrors(issues: z.core.$ZodIssue[], prefix: string): ErrorLocation[] {
  return issues.map((issue) => ({
    pointer:
      `${prefix}/${issue.path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`.replace(/\/$/, '') || '/',
    message: issue.message,
  }));
}

function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, where: string, prefix: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const errors = toErrors(result.error.issues, prefix);
    // Each message is a sentence of its own ("Name: at most 120 characters."): no full stop added after it.
    throw new InvalidRequest(
      `The ${where} is invalid: ${errors.map((e) => `${e.pointer} ${e.message.replace(/\.$/, '')}`).join('; ')}.`,
      errors,
    );
  }
  return result.data;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Strict: a byte sequence that is not UTF-8 is refused, not silently replaced with U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates a JSON body: a body that is not JSON at all gets 415, bytes that are not UTF-8 or
 * malformed JSON 400, a body that breaks the schema 400 with a pointer per problem.
 */
export const jsonBody = <S extends z.ZodMiniType>(schema: S) => {
  const requireJson: MiddlewareHandler = async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new HTTPException(415, { message: 'Send the request body as application/json.' });
    }
    await next();
  };
  const validate: MiddlewareHandler<Env, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> = async (c, next) => {
    let text: string;
    try {
      text = utf8.decode(await c.req.arrayBuffer());
    } catch {
      throw new HTTPException(400, { message: 'The request body is not valid UTF-8.' });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' });
    }
    c.req.addValidatedData('json', parseWith(schema, value, 'request body', '') as object);
    await next();
  };
  return [requireJson, validate] as const;
};

/**
 * Validates the path parameters. Written here rather than with hono/validator, which would bring
 * its cookie, form and header parsing into every Lambda for the one target used.
 */
export const pathParams = <S extends z.ZodMiniType>(schema: S) => {
  const validate: MiddlewareHandler<Env, string, { in: { param: z.input<S> }; out: { param: z.output<S> } }> = async (c, next) => {
    c.req.addValidatedData('param', parseWith(schema, c.req.param(), 'path', '/path') as object);
    await next();
  };
  return validate;
};
