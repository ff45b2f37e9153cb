import { fileURLToPath } from 'node:url';

/** Written by `npm run build:openapi` into the web app's static files, so it ships with the site. */
export const GENERATED_OPENAPI_FILE = fileURLToPath(new URL('../../../web/static/api/openapi.json', import.meta.url));
