import { AWS_CALL_LIMITS } from '../aws/client-settings';
import { LOCAL_ADMIN_HEADER } from '../identity/local-directory';
import type { Mailer, MailResult, OutgoingEmail } from '../reminders/ports';

/** Path of the local provider's admin endpoint that takes an email into its outbox. */
export const LOCAL_OUTBOX_EMAILS_PATH = '/admin/emails';

/**
 * The local OpenID provider's outbox as the Mailer: where SES would send an email, the local
 * stack lists it at /outbox (subject, recipient, time, body), as it lists invitations.
 */
export class LocalOutboxMailer implements Mailer {
  readonly kind = 'local-outbox' as const;

  constructor(
    private readonly adminUrl: string,
    private readonly secret: string,
  ) {}

  async send(email: OutgoingEmail): Promise<MailResult> {
    try {
      const response = await fetch(`${this.adminUrl}${LOCAL_OUTBOX_EMAILS_PATH}`, {
        method: 'POST',
        signal: AbortSignal.timeout(AWS_CALL_LIMITS.requestTimeoutMs),
        headers: { 'content-type': 'application/json', [LOCAL_ADMIN_HEADER]: this.secret },
        body: JSON.stringify(email),
      });
      if (response.status !== 201)
        return { outcome: 'failed', retryable: response.status !== 400, reason: `local outbox answered ${response.status}` };
      const { messageId } = (await response.json()) as { messageId: string };
      return { outcome: 'sent', messageId };
    } catch (error) {
      return {
        outcome: 'failed',
        retryable: true,
        reason: `local outbox unreachable: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}
