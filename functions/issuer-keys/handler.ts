import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { publicKeySet } from './public-key-set';

/**
 * A deploy-time custom resource (CDK Provider framework): reads the user pool's published keys
 * so the API functions get them in AUTH_JWKS and verify tokens on a cold start without fetching
 * them. Runs on create and update; deleting has nothing to undo.
 */
export async function handler(event: CloudFormationCustomResourceEvent) {
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const issuer = String(event.ResourceProperties.Issuer).replace(/\/$/, '');
  const url = `${issuer}/.well-known/jwks.json`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { PhysicalResourceId: issuer, Data: { Jwks: JSON.stringify(publicKeySet(await response.json())) } };
}
