import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { buildOpenApiDocument, LOCAL_ORIGIN } from '../../functions/scripts/openapi/openapi';
import { honoPath, routes, type FunctionName } from '../../functions/core/api/routes';
import { apiSecurityHeaders, securityHeaders } from '../site/security-headers';
import type { WebConfig } from '../site/web-config';
import { loadViewerRequestFunction } from '../site/viewer-request';

export interface LocalOriginOptions {
  /** The Lambda apps, by the function name the route contract gives them. */
  functions: Record<FunctionName, { fetch: (request: Request) => Response | Promise<Response> }>;
  /** The built static site (web/build). */
  siteDir: string;
  /** What the web app reads from /config.json: where to sign in. */
  webConfig: WebConfig;
  /** This origin's URL, as the OpenAPI document names it. */
  origin?: string;
}

/**
 * One local origin that behaves like CloudFront in front of the platform: `/api/*` goes to the
 * function that owns the route (as API Gateway would route it), everything else to the static
 * site through the same viewer-request function and security headers.
 */
export function createLocalOrigin({ functions, siteDir, webConfig, origin }: LocalOriginOptions) {
  if (!existsSync(`${siteDir}/index.html`)) {
    throw new Error(`No built site in ${siteDir}: run \`npm run build\` first.`);
  }
  const viewerRequest = loadViewerRequestFunction();
  const app = new Hono();
  // CloudFront compresses the cached site but not the uncached API, whose functions compress
  // their own responses; so here too.
  const compressSite = compress();
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : compressSite(c, next)));
  app.use('/api/*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(apiSecurityHeaders)) c.header(name, value);
  });

  for (const spec of routes) {
    if (spec.operationId === 'getOpenApiDocument') {
      // The deployed document names its CloudFront origin; this one names this origin (tests use free ports).
      const document = JSON.stringify(buildOpenApiDocument({ origin: origin ?? LOCAL_ORIGIN }));
      app.get(spec.path, (c) => c.body(document, 200, { 'content-type': 'application/json' }));
    } else if (spec.function === 'site') {
      // Served from the site bucket by CloudFront: the same file here.
      app.on(spec.method.toUpperCase(), spec.path, serveStatic({ root: siteDir, rewriteRequestPath: () => spec.path }));
    } else {
      const fn = functions[spec.function];
      app.on(spec.method.toUpperCase(), honoPath(spec.path), (c) => fn.fetch(c.req.raw));
    }
  }
  // API Gateway's $default route: unknown API paths still get the quiz function's problem+json 404.
  app.all('/api/*', (c) => functions.quiz.fetch(c.req.raw));

  const headers = securityHeaders([new URL(webConfig.issuer).origin]);
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    if (c.req.path.startsWith('/_app/immutable/')) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  // In AWS this file is written into the bucket at deploy time with the Cognito settings.
  app.get('/config.json', (c) => c.json(webConfig));
  app.get('*', async (c, next) => {
    const outcome = viewerRequest({ request: { uri: c.req.path } });
    if ('statusCode' in outcome) return c.redirect(outcome.headers.location.value, 301);
    return serveStatic({ root: siteDir, rewriteRequestPath: () => outcome.uri })(c, next);
  });
  app.notFound(async (c) => c.html(await readFile(join(siteDir, '404.html'), 'utf8'), 404));
  return app;
}
