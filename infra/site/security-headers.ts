/**
 * Response headers for every page, set by the CloudFront response headers policy in AWS and by
 * the local origin. Scripts: SvelteKit adds a <meta> CSP with hashes of its inline bootstrap
 * script (kit.csp in web/svelte.config.js); browsers enforce both policies, so only 'self' and
 * those hashes run even though this header must admit inline scripts.
 */
/**
 * `authOrigins`: where the browser fetches OpenID discovery and tokens from (Cognito's issuer and
 * managed-login domain in AWS, the local provider locally).
 */
export const contentSecurityPolicy = (authOrigins: string[]) =>
  [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${authOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const HSTS_MAX_AGE_SECONDS = 63_072_000; // two years, as required for the preload list

export const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), payment=()';

export const securityHeaders = (authOrigins: string[]): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(authOrigins),
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains; preload`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': permissionsPolicy,
});

/**
 * The API answers JSON, never a page: nothing may load or frame it. Kept short because these
 * headers go out with every API response.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const apiSecurityHeaders: Record<string, string> = {
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains; preload`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
