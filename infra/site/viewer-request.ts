import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VIEWER_REQUEST_FUNCTION_FILE = fileURLToPath(new URL('./viewer-request.cloudfront.js', import.meta.url));

export interface ViewerRequest {
  uri: string;
}
export interface ViewerRedirect {
  statusCode: number;
  headers: { location: { value: string } };
}

/** Loads the CloudFront Function source as a callable, for the local origin and the tests. */
export function loadViewerRequestFunction(): (event: { request: ViewerRequest }) => ViewerRequest | ViewerRedirect {
  const source = readFileSync(VIEWER_REQUEST_FUNCTION_FILE, 'utf8');
  return new Function(`${source}\nreturn handler;`)();
}
