import generated from './generated/openapi.json';

/** The OpenAPI document written by `npm run build:openapi` from the zod schemas and route contract. */
export const openApiDocument = generated;
