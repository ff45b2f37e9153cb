import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import type { ErrorLocation } from '../errors';

/** The request does not match its schema; carries one entry per problem, located by JSON Pointer. */
export class RequestValidationError extends Error {
  readonly name = 'RequestValidationError';
  constructor(
    message: string,
    readonly errors: ErrorLocation[],
  ) {
    super(message);
  }
}

function toErrors(issues: z.core.$ZodIssue[], prefix: string): ErrorLocation[] {
  return issues.map((issue) => ({
    pointer: `${prefix}/${issue.path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`.replace(/\/$/, '') || '/',
    message: issue.message,
  }));
}

function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, where: string, prefix: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const errors = toErrors(result.error.issues, prefix);
    throw new RequestValidationError(`The ${where} is invalid: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}.`, errors);
  }
  return result.data;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Validates a JSON body; a body that is not JSON at all gets 415, malformed JSON 400. */
export const jsonBody = <S extends z.ZodMiniType>(schema: S) => {
  const requireJson: MiddlewareHandler = async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0].trim();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new HTTPException(415, { message: 'Send the request body as application/json.' });
    }
    await next();
  };
  const validate = validator('json', (value) => parseWith(schema, value, 'request body', ''));
  return [requireJson, validate] as const;
};

export const pathParams = <S extends z.ZodMiniType>(schema: S) =>
  validator('param', (value) => parseWith(schema, value, 'path', '/path'));
