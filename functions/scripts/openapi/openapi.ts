import * as z from 'zod/mini';
import { parameterDocs, routeDocs } from './route-docs';
import type { Server } from '../../core/api/routes';
import { IDEMPOTENCY_KEY_PATTERN } from '../../core/http/idempotency-key';
import { routes } from '../../core/api/routes';
import {
  attemptListSchema,
  attemptResultSchema,
  invitationSchema,
  meSchema,
  organisationSchema,
  organisationsSchema,
  peopleSchema,
  problemSchema,
  issuedAttemptSchema,
  progressSchema,
} from '../../core/api/schemas';

/** Schemas used by several operations go into components.schemas once and are referenced by $ref. */
const NAMED_SCHEMAS = new Map<z.ZodMiniType, string>([
  [problemSchema, 'Problem'],
  [issuedAttemptSchema, 'IssuedAttempt'],
  [progressSchema, 'Progress'],
  [attemptResultSchema, 'AttemptResult'],
  [attemptListSchema, 'AttemptList'],
  [meSchema, 'Me'],
  [peopleSchema, 'People'],
  [invitationSchema, 'Invitation'],
  [organisationSchema, 'Organisation'],
  [organisationsSchema, 'Organisations'],
]);

const responseSchema = (schema: z.ZodMiniType) => {
  const name = NAMED_SCHEMAS.get(schema);
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema, 'output');
};

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
}

function pathParameters(schema: z.ZodMiniType | undefined) {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'path',
    required: required.includes(name),
    description: parameterDocs[name] ?? name,
    schema: property,
  }));
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A key of your choosing (a UUID, say), new for each new request and the same for its ' +
    'retries: a retry then returns what the first request made instead of making it again. ' +
    'Kept for 24 hours.',
  schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
};

/** Each function's operations under one tag, in the order the document lists them. */
const TAGS: Record<Server, { name: string; description: string }> = {
  site: { name: 'Document', description: 'This description of the API.' },
  quiz: { name: 'Quizzes', description: 'Server-drawn attempts, scoring with the safety-critical rule, reviews and progress.' },
  accounts: { name: 'Accounts', description: 'Who the caller is, organisations, and invitations of trainees and supervisors.' },
  certification: {
    name: 'Certification',
    description: 'Observed procedures, certificates (issue, renew, revoke), trainee records and staff rosters.',
  },
  verification: { name: 'Verification', description: 'Public verification of a certificate by its code.' },
};

const headersOf = (headers: Record<string, string> | undefined) =>
  headers
    ? {
        headers: Object.fromEntries(
          Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
        ),
      }
    : {};

/** Where `npm start` serves the platform; the document the build writes names it. */
export const LOCAL_ORIGIN = 'http://127.0.0.1:3000';

/**
 * Builds the OpenAPI 3.1 document from the route contract and its zod schemas, for the origin
 * that serves it (the API is behind the same origin): written at build time for `npm start`,
 * served for its own origin by the local stack, and written at deploy time for CloudFront's.
 */
export function buildOpenApiDocument({ origin }: { origin: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const docs = routeDocs[spec.operationId];
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = {
      operationId: spec.operationId,
      summary: docs.summary,
      description: docs.description,
      tags: [TAGS[spec.function].name],
      security: spec.access === 'public' ? [] : [{ bearerJwt: [] }],
      ...(Array.isArray(spec.access) ? { 'x-required-roles': spec.access } : {}),
      parameters: [...pathParameters(spec.params), ...(spec.idempotent ? [idempotencyKeyParameter] : [])],
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(docs.responses).map(([status, response]) => {
          const mediaType = status.startsWith('4') || status.startsWith('5') ? 'application/problem+json' : 'application/json';
          return [
            status,
            {
              description: response.description,
              ...headersOf(response.headers),
              ...(response.schema ? { content: { [mediaType]: { schema: responseSchema(response.schema) } } } : {}),
            },
          ];
        }),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CIT Academy API',
      version: '0.2.0',
      description:
        'Training and certification for microneedling (collagen induction therapy) practitioners. ' +
        'Errors are RFC 9457 problem details (application/problem+json). A path called with a ' +
        'method it does not have answers 405 with an Allow header.',
      contact: { name: 'CIT Academy', url: `${origin}/` },
      license: { name: 'Proprietary: all rights reserved', url: `${origin}/legal/api-terms.txt` },
    },
    servers: [{ url: origin, description: 'The platform: the web app and, under /api, this API' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(routes.map((spec) => spec.function))].map((server) => TAGS[server]).sort((a, b) => (a.name < b.name ? -1 : 1)),
    components: {
      schemas: Object.fromEntries([...NAMED_SCHEMAS].map(([schema, name]) => [name, jsonSchema(schema, 'output')])),
      securitySchemes: {
        bearerJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'OpenID Connect ID token from Cognito (locally, the local OpenID provider). Roles come from `cognito:groups`, the organisation from `custom:org`.',
        },
      },
    },
    paths,
  };
}
