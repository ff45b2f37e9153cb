/**
 * `npm run build:openapi`: writes the OpenAPI document generated from the zod schemas and the
 * route contract, so functions serve it without bundling zod's JSON Schema converter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './openapi';

export const GENERATED_OPENAPI_FILE = fileURLToPath(new URL('./generated/openapi.json', import.meta.url));

mkdirSync(dirname(GENERATED_OPENAPI_FILE), { recursive: true });
const document = buildOpenApiDocument();
writeFileSync(GENERATED_OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`);
console.log(`openapi: ${Object.keys(document.paths).length} paths written`);
