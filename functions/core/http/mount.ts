import type { Context, Hono, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { honoPath, route, type OperationId, type RouteTable } from '../api/routes';
import type { Principal } from '../auth/principal';
import type { VerifyToken } from '../auth/token-verifier';
import { requireAccess, type AuthEnv } from './access';
import { maxBodySize } from './body-size';
import { idempotencyKeyOf } from './idempotency-key';
import { jsonBody, pathParams } from './validate';

type SpecOf<Id extends OperationId> = Extract<RouteTable[number], { operationId: Id }>;
type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a route's handler gets, typed from its entry in the contract: checked, parsed, never raw. */
export interface RouteInput<Id extends OperationId> {
  /** The verified caller; undefined on a public route. */
  principal: SpecOf<Id>['access'] extends 'public' ? undefined : Principal;
  params: SpecOf<Id> extends { params: infer S } ? Parsed<S> : undefined;
  body: SpecOf<Id> extends { body: infer S } ? Parsed<S> : undefined;
  /** The Idempotency-Key header of a route that takes one. */
  idempotencyKey: SpecOf<Id> extends { idempotent: true } ? string | undefined : undefined;
  c: Context<AuthEnv>;
}

/**
 * Mounts one operation of the contract on an app, with everything its entry declares, in this
 * order: access (a verified token with one of its roles, so an anonymous caller gets 401 rather
 * than a validation error), path parameters, body size, media type and body, each from the
 * route's own schemas. The same entries generate the OpenAPI document, so what the document says
 * is what is checked.
 */
export function mount<Id extends OperationId>(
  app: Hono<AuthEnv>,
  operationId: Id,
  verifyToken: VerifyToken | undefined,
  handler: (input: RouteInput<Id>) => Promise<Response>,
): void {
  const spec = route(operationId);
  const checks: MiddlewareHandler<AuthEnv>[] = [];
  if (spec.access !== 'public') {
    if (!verifyToken) throw new Error(`${operationId} needs a token verifier`);
    checks.push(requireAccess(spec, verifyToken));
  }
  if (spec.params) checks.push(pathParams(spec.params) as MiddlewareHandler<AuthEnv>);
  if (spec.body)
    checks.push(
      maxBodySize(spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
      ...(jsonBody(spec.body) as unknown as MiddlewareHandler<AuthEnv>[]),
    );
  const handle: MiddlewareHandler<AuthEnv> = (c) =>
    handler({
      principal: c.get('principal'),
      params: spec.params ? c.req.valid('param' as never) : undefined,
      body: spec.body ? c.req.valid('json' as never) : undefined,
      idempotencyKey: spec.idempotent ? idempotencyKeyOf(c) : undefined,
      c,
    } as RouteInput<Id>);
  // Hono's overloads type handler chains of a fixed length; this one's length follows the route.
  (app.on as (method: string, path: string, ...handlers: MiddlewareHandler<AuthEnv>[]) => unknown)(
    spec.method.toUpperCase(),
    honoPath(spec.path),
    ...checks,
    handle,
  );
}

/** Bodies are small JSON documents: a route that expects a larger one says so in the contract. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024;
