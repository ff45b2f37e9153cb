import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../functions/core/api/openapi';
import { routes } from '../../../functions/core/api/routes';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

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

  it('describes the submission body from the zod schema, including the attempt id format', () => {
    const operation = document.paths['/api/attempts'].post as {
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, { format?: string }>; required: string[] } } } };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const schema = operation.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['attemptId', 'moduleId', 'answers']));
    expect(schema.properties.attemptId.format).toBe('uuid');
    expect(Object.keys(operation.responses['422'].content ?? {})).toEqual(['application/problem+json']);
  });

  it('describes path parameters', () => {
    const operation = document.paths['/api/modules/{moduleId}/questions'].get as { parameters: { name: string; in: string; required: boolean }[] };
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'moduleId', in: 'path', required: true })]);
  });
});

describe('published OpenAPI document', () => {
  it('is the one generated from the current schemas (npm run build:openapi)', async () => {
    const { GENERATED_OPENAPI_FILE } = await import('../../../functions/core/api/paths');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(GENERATED_OPENAPI_FILE, 'utf8'))).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});
