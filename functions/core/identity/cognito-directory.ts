import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UnsupportedUserStateException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DirectoryUnavailable, EmailTaken } from '../accounts/errors';
import { awsClientSettings } from '../aws/client-settings';
import type { IdentityDirectory, NewAccount } from '../accounts/ports';
import { CLAIMS } from '../auth/principal';

/**
 * Cognito as the directory. The account is created silently, then AdminCreateUser with RESEND
 * sends Cognito's own invitation email with a temporary password; managed login makes the invitee
 * choose a new one at first sign-in.
 */
export class CognitoDirectory implements IdentityDirectory {
  readonly delivery = 'email' as const;
  private readonly client = new CognitoIdentityProviderClient(awsClientSettings());

  constructor(private readonly userPoolId: string) {}

  async createAccount({ email, name, role, orgId }: NewAccount): Promise<{ sub: string }> {
    let sub: string | undefined;
    try {
      const created = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          // Nothing is sent until the person record is stored too (sendInvitation).
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
            { Name: CLAIMS.org, Value: orgId },
          ],
        }),
      );
      sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
      if (!sub) throw new Error('Cognito returned no sub');
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: email, GroupName: role }));
      return { sub };
    } catch (error) {
      if (error instanceof UsernameExistsException) throw new EmailTaken(email);
      // An account without its group would sign in with no role: take it back out.
      if (sub) await this.deleteAccount(email).catch(() => undefined);
      throw new DirectoryUnavailable({ cause: error });
    }
  }

  async sendInvitation(email: string): Promise<'sent' | 'already-active'> {
    try {
      // RESEND sends the invitation email with a fresh temporary password, to an account that has not signed in yet.
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      return 'sent';
    } catch (error) {
      if (error instanceof UnsupportedUserStateException) return 'already-active';
      throw new DirectoryUnavailable({ cause: error });
    }
  }

  async deleteAccount(email: string): Promise<void> {
    await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: email }));
  }
}
