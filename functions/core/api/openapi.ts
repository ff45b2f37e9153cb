import * as z from 'zod/mini';
import { routeDocs } from './route-docs';
import { routes } from './routes';
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
} from './schemas';

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

function parameters(schema: z.ZodMiniType | undefined) {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'path',
    required: required.includes(name),
    schema: property,
  }));
}

/** Builds the OpenAPI 3.1 document from the route contract and its zod schemas. */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    paths[spec.path] ??= {};
    paths[spec.path][spec.method] = {
      operationId: spec.operationId,
      summary: routeDocs[spec.operationId].summary,
      security: spec.access === 'public' ? [] : [{ bearerJwt: [] }],
      ...(Array.isArray(spec.access) ? { 'x-required-roles': spec.access } : {}),
      parameters: parameters(spec.params),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(routeDocs[spec.operationId].responses).map(([status, response]) => {
          const mediaType = Number(status) >= 400 ? 'application/problem+json' : 'application/json';
          return [
            status,
            {
              description: response.description,
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
      version: '0.1.0',
      description: 'Training and certification for microneedling (collagen induction therapy) practitioners.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas: Object.fromEntries([...NAMED_SCHEMAS].map(([schema, name]) => [name, jsonSchema(schema, 'output')])),
      securitySchemes: {
        bearerJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'OpenID Connect ID token from Cognito (locally, the local OpenID provider). Roles come from `cognito:groups`, the organisation from `custom:org`.',
        },
      },
    },
    paths,
  };
}
