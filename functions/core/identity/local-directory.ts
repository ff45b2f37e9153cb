import { DirectoryUnavailable, EmailTaken } from '../accounts/errors';
import type { IdentityDirectory, NewAccount } from '../accounts/ports';
import { AWS_CALL_LIMITS } from '../aws/client-settings';

/** Header carrying the local provider's admin secret; the admin API exists only in the local stack. */
export const LOCAL_ADMIN_HEADER = 'x-local-admin-secret';

/**
 * The local OpenID provider as the directory: it creates the account and puts the invitation
 * link in its outbox page and the terminal, where Cognito would send an email.
 */
export class LocalDirectory implements IdentityDirectory {
  readonly delivery = 'local-outbox' as const;

  constructor(
    private readonly adminUrl: string,
    private readonly secret: string,
  ) {}

  private async call(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.adminUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(AWS_CALL_LIMITS.requestTimeoutMs),
        headers: { 'content-type': 'application/json', [LOCAL_ADMIN_HEADER]: this.secret },
      });
    } catch (error) {
      throw new DirectoryUnavailable({ cause: error });
    }
  }

  async createAccount(account: NewAccount): Promise<{ sub: string }> {
    const response = await this.call('/admin/users', { method: 'POST', body: JSON.stringify(account) });
    if (response.status === 409) throw new EmailTaken(account.email);
    if (!response.ok) throw new DirectoryUnavailable({ cause: new Error(`local provider answered ${response.status}`) });
    return (await response.json()) as { sub: string };
  }

  async sendInvitation(email: string): Promise<'sent' | 'already-active'> {
    const response = await this.call(`/admin/users/${encodeURIComponent(email)}/invitation`, { method: 'POST' });
    if (response.status === 409) return 'already-active';
    if (!response.ok) throw new DirectoryUnavailable({ cause: new Error(`local provider answered ${response.status}`) });
    return 'sent';
  }

  async deleteAccount(email: string): Promise<void> {
    await this.call(`/admin/users/${encodeURIComponent(email)}`, { method: 'DELETE' });
  }
}
