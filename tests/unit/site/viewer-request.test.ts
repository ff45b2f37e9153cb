import { describe, expect, it } from 'vitest';
import { loadViewerRequestFunction } from '../../../infra/site/viewer-request';

describe('CloudFront viewer-request function', () => {
  const handler = loadViewerRequestFunction();
  const uriFor = (uri: string) => {
    const outcome = handler({ request: { uri } });
    return 'uri' in outcome ? outcome.uri : outcome;
  };

  it('maps clean URLs to the prerendered .html files', () => {
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/courses/mechanism-of-action')).toBe('/courses/mechanism-of-action.html');
    expect(uriFor('/courses/mechanism-of-action/quiz')).toBe('/courses/mechanism-of-action/quiz.html');
  });

  it('leaves files with an extension alone', () => {
    expect(uriFor('/_app/immutable/entry/app.abc.js')).toBe('/_app/immutable/entry/app.abc.js');
    expect(uriFor('/favicon.svg')).toBe('/favicon.svg');
  });

  it('redirects a trailing slash to the canonical URL', () => {
    expect(uriFor('/courses/mechanism-of-action/')).toMatchObject({
      statusCode: 301,
      headers: { location: { value: '/courses/mechanism-of-action' } },
    });
  });
});
