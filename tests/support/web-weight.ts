import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** First-load JavaScript per route, gzip. Protects time-to-interactive on a clinic's phone. */
export const JS_BUDGET_GZIP_BYTES = 50 * 1024;

export interface RouteWeight {
  route: string;
  jsFiles: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  htmlGzipBytes: number;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

const gzipSize = (path: string) => gzipSync(readFileSync(path)).length;

/**
 * What a first visit to each prerendered page loads: the scripts it preloads or imports and
 * its stylesheets, each gzip-compressed as CloudFront serves them.
 */
export function routeWeights(buildDir: string): RouteWeight[] {
  return [...htmlFiles(buildDir)].sort().map((htmlPath) => {
    const html = readFileSync(htmlPath, 'utf8');
    // Prerendered pages use relative asset URLs; the 404 fallback page uses absolute ones.
    const toPath = (url: string) => (url.startsWith('/') ? join(buildDir, url) : resolve(dirname(htmlPath), url));
    const urls = (pattern: RegExp) => new Set([...html.matchAll(pattern)].map((match) => toPath(match[1])));
    const scripts = new Set([...urls(/<link href="([^"]+\.js)" rel="modulepreload"/g), ...urls(/import\("([^"]+\.js)"\)/g)]);
    const styles = urls(/<link href="([^"]+\.css)" rel="stylesheet"/g);
    const route = `/${relative(buildDir, htmlPath)
      .replace(/\.html$/, '')
      .replace(/^index$/, '')}`;
    return {
      route,
      jsFiles: scripts.size,
      jsGzipBytes: [...scripts].reduce((total, path) => total + gzipSize(path), 0),
      cssGzipBytes: [...styles].reduce((total, path) => total + gzipSize(path), 0),
      htmlGzipBytes: gzipSize(htmlPath),
    };
  });
}
