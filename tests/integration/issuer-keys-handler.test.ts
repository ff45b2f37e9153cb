import type { CloudFormationCustomResourceCreateEvent, CloudFormationCustomResourceDeleteEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { createTokenVerifier } from '../../functions/core/auth/token-verifier';
import { handler } from '../../functions/issuer-keys/handler';

const stack = inject('stack');

const event = (issuer: string) =>
  ({
    RequestType: 'Create',
    ResourceProperties: { ServiceToken: 'arn', Issuer: issuer },
  }) as unknown as CloudFormationCustomResourceCreateEvent;

describe('issuer-keys custom resource handler', () => {
  it("captures the issuer's public keys, which then verify its tokens with no fetch", async () => {
    const { Data, PhysicalResourceId } = await handler(event(stack.issuer));
    expect(PhysicalResourceId).toBe(stack.issuer);
    const jwks = JSON.parse(Data!.Jwks) as Jwks;
    expect(jwks.keys.map((key) => key.kid)).toEqual([stack.signingKey.kid]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    // The captured set alone verifies what the provider signs.
    const verify = createTokenVerifier({ issuer: stack.issuer, audience: stack.clientId, jwks });
    expect((await verify(stack.tokens.traineeA)).roles).toContain('trainee');
  });

  it('fails the deployment when the issuer cannot be read', async () => {
    await expect(handler(event('http://127.0.0.1:9'))).rejects.toThrow();
  });

  it('has nothing to undo on delete', async () => {
    const deleted = {
      RequestType: 'Delete',
      PhysicalResourceId: 'issuer',
      ResourceProperties: { ServiceToken: 'arn' },
    } as unknown as CloudFormationCustomResourceDeleteEvent;
    expect(await handler(deleted)).toEqual({ PhysicalResourceId: 'issuer' });
  });
});
