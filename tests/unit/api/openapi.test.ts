import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, LOCAL_ORIGIN } from '../../../functions/scripts/openapi/openapi';
import { routes } from '../../../functions/core/api/routes';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument({ origin: LOCAL_ORIGIN });

  it('is OpenAPI 3.1 and lists every route of the contract with its operation id', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method]).toMatchObject({ operationId: route.operationId });
    }
  });

  it('marks public operations with an empty security requirement', () => {
    for (const route of routes.filter((spec) => spec.access === 'public')) {
      expect(document.paths[route.path][route.method]).toMatchObject({ security: [] });
    }
  });

  it('describes the submission body and the attempt id path parameter from the zod schemas', () => {
    const operation = document.paths['/api/attempts/{attemptId}/submission'].post as {
      parameters: { name: string; in: string; required: boolean; schema: { format?: string } }[];
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } } };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: 'attemptId', in: 'path', required: true, schema: expect.objectContaining({ format: 'uuid' }) }),
    ]);
    expect(operation.requestBody.content['application/json'].schema.required).toEqual(['servedToken', 'answers']);
    expect(Object.keys(operation.responses['422'].content ?? {})).toEqual(['application/problem+json']);
  });

  it('describes the module id path parameter and the 429 of the attempt policy', () => {
    const operation = document.paths['/api/modules/{moduleId}/attempts'].post as {
      parameters: { name: string; in: string; required: boolean }[];
      responses: Record<string, unknown>;
    };
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'moduleId', in: 'path', required: true })]);
    expect(Object.keys(operation.responses)).toContain('429');
  });

  it('requires a bearer token on every operation but the public ones, and lists required roles', () => {
    for (const route of routes) {
      const operation = document.paths[route.path][route.method] as { security: unknown[]; 'x-required-roles'?: string[] };
      expect(operation.security).toEqual(route.access === 'public' ? [] : [{ bearerJwt: [] }]);
      if (Array.isArray(route.access)) expect(operation['x-required-roles']).toEqual(route.access);
    }
    expect(document.components.securitySchemes.bearerJwt).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });
});

describe('published OpenAPI document', () => {
  it('is the one generated from the current schemas (npm run build:openapi)', async () => {
    const { GENERATED_OPENAPI_FILE } = await import('../../../functions/scripts/openapi/paths');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(GENERATED_OPENAPI_FILE, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(buildOpenApiDocument({ origin: LOCAL_ORIGIN }))),
    );
  });
});
