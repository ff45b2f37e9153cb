import { routes } from '../api/routes';

/** Each path of the contract as a pattern, with the methods it has (HEAD with GET, as Hono answers it). */
const PATHS = [...new Set(routes.map((spec) => spec.path))].map((path) => {
  const methods = routes.filter((spec) => spec.path === path).map((spec) => spec.method.toUpperCase());
  return {
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`),
    allow: [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'],
  };
});

/**
 * The methods a known path of the API answers, or undefined for a path the API does not have. A
 * request with another method gets 405 and this list (RFC 9110 §15.5.6), not a 404 that would
 * say the path does not exist. Every function knows every path: API Gateway sends methods that no
 * route declares to the $default route, whichever function owns the path.
 */
export function allowedMethods(path: string): string[] | undefined {
  return PATHS.find((candidate) => candidate.pattern.test(path))?.allow;
}
