/**
 * The API's schemas in one import for the OpenAPI build, tests and the web client's types. Lambda
 * code imports ./requests.ts directly: importing this module would evaluate the response schemas
 * too, at every cold start, for nothing.
 */
export * from './requests';
export * from './responses';
