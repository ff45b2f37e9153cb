// CloudFront Function (cloudfront-js-2.0) for the static site behaviour. The local origin
// (infra/local/local-origin.ts) runs this same file, so both map URLs to prerendered files alike.
// SvelteKit prerenders /courses/x to courses/x.html; S3 has no "index document" behind OAC.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.length > 1 && uri.charAt(uri.length - 1) === '/') {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri.slice(0, -1) } },
    };
  }
  if (uri === '/') {
    request.uri = '/index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    request.uri = uri + '.html';
  }
  return request;
}
