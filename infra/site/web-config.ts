/**
 * What the web app needs to know at run time, served as /config.json: by the local origin, and in
 * AWS written into the site bucket by the deployment with Cognito's values.
 */
export interface WebConfig {
  /** OpenID issuer: the app runs discovery against it. */
  issuer: string;
  clientId: string;
  /** Cognito has no end_session_endpoint in its discovery document; its /logout URL goes here. */
  logoutUrl?: string;
  /** Cognito's user API (the local provider serves the same operations): two-factor set-up. */
  userApi: string;
}
