import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { awsClientSettings } from '../aws/client-settings';
import type { Mailer, MailResult, OutgoingEmail } from '../reminders/ports';

export interface SesMailerConfig {
  /** The From address, within the verified identity (the IAM policy allows this address only). */
  fromAddress: string;
  /** The display name beside it. */
  fromName: string;
  /** The verified SES identity's ARN (a domain or an address); the client sends in its region. */
  identityArn: string;
}

/** The region of an SES identity ARN (`arn:aws:ses:eu-west-2:123456789012:identity/example.org`): identities are regional. */
export const sesRegionOf = (identityArn: string) => {
  const region = identityArn.split(':')[3];
  if (!/^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/.test(identityArn) || !region)
    throw new Error(`Not an SES identity ARN: ${identityArn}`);
  return region;
};

/**
 * The SendEmail request for one email. Only the bare address goes in To: a display name with
 * letters outside ASCII would need MIME encoded-words, and the greeting names the person anyway.
 */
export const sendEmailInput = (email: OutgoingEmail, config: Pick<SesMailerConfig, 'fromAddress' | 'fromName'>): SendEmailCommandInput => ({
  FromEmailAddress: `${config.fromName} <${config.fromAddress}>`,
  Destination: { ToAddresses: [email.to.email] },
  Content: {
    Simple: {
      Subject: { Data: email.subject, Charset: 'UTF-8' },
      Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
    },
  },
  EmailTags: [{ Name: 'purpose', Value: 'expiry-reminder' }],
});

/**
 * Refusals about this one message or address (an unverified recipient in the sandbox, a malformed
 * address) will not change on a retry; everything else (throttling, a paused account, an
 * unverified From domain, a timeout, a denied call) may once it is fixed, so it is retried.
 */
const NOT_RETRYABLE = new Set(['MessageRejected', 'BadRequestException']);

export function sesFailure(error: unknown): MailResult {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return { outcome: 'failed', retryable: !NOT_RETRYABLE.has(name), reason: `${name}: ${message}` };
}

/** Amazon SES (API v2) as the Mailer: one SendEmail per recipient. */
export class SesMailer implements Mailer {
  readonly kind = 'ses' as const;
  private readonly client: SESv2Client;

  constructor(private readonly config: SesMailerConfig) {
    this.client = new SESv2Client({
      region: sesRegionOf(config.identityArn),
      ...awsClientSettings(),
      // SendEmail is not idempotent: the SDK's own retry of a send that timed out after SES took it
      // would email twice, unrecorded. The job retries failed sends itself, per recipient, visibly.
      maxAttempts: 1,
    });
  }

  async send(email: OutgoingEmail): Promise<MailResult> {
    try {
      const { MessageId } = await this.client.send(new SendEmailCommand(sendEmailInput(email, this.config)));
      return { outcome: 'sent', messageId: MessageId ?? 'unknown' };
    } catch (error) {
      return sesFailure(error);
    }
  }
}
