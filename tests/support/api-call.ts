import type { StackInfo } from './local-stack-setup';

/**
 * One API call through the local origin, as the web app makes it: GET without a body, POST with a
 * JSON one; `authorization` is the whole header value ("Bearer …"), or none for a public call.
 */
export const apiCaller =
  (stack: Pick<StackInfo, 'webUrl'>) =>
  (authorization: string | undefined, path: string, body?: unknown): Promise<Response> =>
    fetch(`${stack.webUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(authorization ? { authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
