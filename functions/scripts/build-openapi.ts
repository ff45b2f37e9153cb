/**
 * `npm run build:openapi`: writes the OpenAPI document generated from the zod schemas and the
 * route contract into the web app's static files; CloudFront serves it from the site bucket at
 * /api/openapi.json, so no function bundles or runs it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildOpenApiDocument, LOCAL_ORIGIN } from './openapi/openapi';
import { GENERATED_OPENAPI_FILE } from './openapi/paths';

mkdirSync(dirname(GENERATED_OPENAPI_FILE), { recursive: true });
const document = buildOpenApiDocument({ origin: LOCAL_ORIGIN });
writeFileSync(GENERATED_OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`);
console.log(`openapi: ${Object.keys(document.paths).length} paths written`);
