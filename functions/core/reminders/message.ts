import { formatCertificateCode } from '../certification/certificate-code';
import type { RenewalCheck } from '../certification/rules';
import type { CertificationSettings } from '../course/types';
import type { CertificateRecord } from '../certification/types';
import { daysToExpiry } from './tiers';
import type { ReminderRecipient } from './types';
import { longDate } from '../long-date';

export interface ReminderMessageInput {
  certificate: CertificateRecord;
  recipient: ReminderRecipient;
  /** The holder's supervisor, who records the observed procedures and renews; unnamed if the holder has none. */
  supervisorName?: string;
  /** checkRenewal's answer for this holder now: when renewal opens and how much recent practice is still missing. */
  renewal: RenewalCheck;
  /** The course's certification rules: the renewal window and how long a certificate lasts. */
  settings: Pick<CertificationSettings, 'validityMonths' | 'renewal'>;
  /** The web app's origin, e.g. https://d111.cloudfront.net. */
  siteUrl: string;
  now: Date;
}

export interface ReminderMessage {
  subject: string;
  text: string;
  html: string;
  /** Where it sends the reader: their own record, or the holder's. */
  link: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const possessive = (name: string) => `${name}'s`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * When it expires, said from today: by the calendar day, so a run on time says exactly the tier
 * ("in 30 days") and a late one stays true ("in 28 days", "expired on …").
 */
export function expiryPhrase(expiresAt: string, now: Date): string {
  const days = daysToExpiry(expiresAt, now);
  if (days > 1) return `expires in ${days} days`;
  if (days === 1) return 'expires tomorrow';
  if (days === 0) return now.getTime() < Date.parse(expiresAt) ? 'expires today' : 'expired today';
  return `expired on ${longDate(expiresAt)}`;
}

/** The record the reader opens: a trainee's own is /progress; others open the holder's (web/src/lib/links.ts builds the same). */
export const recordLink = (siteUrl: string, recipient: ReminderRecipient, traineeSub: string) =>
  recipient.role === 'holder' ? `${siteUrl}/progress` : `${siteUrl}/trainees/record?${new URLSearchParams({ id: traineeSub })}`;

/**
 * The steps to renewal, as still missing for this holder (checkRenewal: the window opens the
 * course's days before expiry and stays open; the course's satisfactory observed procedures since
 * the certificate was issued; then the supervisor renews it), addressed to the reader.
 */
function nextSteps({ certificate, recipient, supervisorName, renewal, settings, now }: ReminderMessageInput): string[] {
  const holder = certificate.holderName;
  const issued = longDate(certificate.issuedAt);
  const have = renewal.satisfactorySinceIssue;
  const required = renewal.requiredSatisfactorySinceIssue;
  const missing = Math.max(0, required - have);
  const since = `since the certificate was issued on ${issued}`;
  // Who observes, records and renews: the holder's supervisor, by name when they have one.
  const theSupervisor =
    recipient.role === 'holder'
      ? supervisorName
        ? `your supervisor, ${supervisorName}`
        : 'your supervisor'
      : supervisorName
        ? `their supervisor, ${supervisorName}`
        : 'their supervisor';

  const window =
    now.getTime() >= Date.parse(renewal.opensAt)
      ? `Renewal is open: it opened on ${longDate(renewal.opensAt)}, ${settings.renewal.windowDays} days before expiry, ` +
        'and stays open after it.'
      : `Renewal opens on ${longDate(renewal.opensAt)}, ${settings.renewal.windowDays} days before expiry.`;

  const after = supervisorName ? ',' : '';
  const tally = `${have} of ${required} needed ${since}`;
  const practice =
    missing === 0
      ? `Recent practice: done (${plural(have, 'satisfactory observed procedure')} ${since}).`
      : recipient.role === 'holder'
        ? `Recent practice: at least ${plural(required, 'satisfactory observed procedure')} ${since}; ` +
          `${have === 0 ? 'none is recorded yet' : `${have} ${have === 1 ? 'is' : 'are'} recorded`}. ` +
          `Ask ${theSupervisor}${after} to observe and record ${missing === 1 ? 'one' : missing}.`
        : recipient.role === 'supervisor'
          ? `Recent practice: observe and record ${plural(missing, 'satisfactory procedure')} for ${holder} (${tally}).`
          : `Recent practice: ${theSupervisor}${after} needs to record ${plural(missing, 'satisfactory observed procedure')} ` +
            `for ${holder} (${tally}).`;

  const beforeExpiry = now.getTime() < Date.parse(certificate.expiresAt);
  const runsOn = beforeExpiry
    ? `Renewed before it expires, the new certificate runs ${settings.validityMonths} months from ` +
      `${longDate(certificate.expiresAt)}, so renewing early loses nothing.`
    : `The new certificate runs ${settings.validityMonths} months from the day it is renewed.`;
  const renew =
    recipient.role === 'supervisor'
      ? `Then renew it from ${possessive(holder)} record in CIT Academy. ${runsOn}`
      : `Then ${theSupervisor}${after} renews it in CIT Academy. ${runsOn}`;
  return [window, practice, renew];
}

/**
 * One reminder email for one reader, in British English, as plain text and simple HTML: which
 * certificate, when it expires, what renewal still needs, and a link to the record.
 */
export function composeReminder(input: ReminderMessageInput): ReminderMessage {
  const { certificate, recipient, siteUrl, now } = input;
  const holder = certificate.holderName;
  const when = expiryPhrase(certificate.expiresAt, now);
  const code = formatCertificateCode(certificate.code);
  const expiry = longDate(certificate.expiresAt);
  const isHolder = recipient.role === 'holder';
  const subject = `${isHolder ? 'Your' : possessive(holder)} CIT Academy certificate ${when}`;
  const dated = when.startsWith('expired on') ? when : `${when}, ${when.endsWith('today') ? '' : 'on '}${expiry}`;
  const clinic = certificate.organisationName ?? 'their clinic';
  const opening = `${isHolder ? 'Your' : possessive(holder)} CIT Academy certificate ${code}, ${certificate.qualification}, ${dated}.`;
  const consequence = when.startsWith('expires')
    ? 'From then on it no longer shows as valid when a clinic checks it.'
    : 'It no longer shows as valid when a clinic checks it.';
  const steps = nextSteps(input);
  const link = recordLink(siteUrl, recipient, certificate.traineeSub);
  const linkLabel = isHolder ? 'Open your record' : `Open ${possessive(holder)} record`;
  const why = isHolder
    ? 'You receive this because you hold this certificate.'
    : recipient.role === 'supervisor'
      ? `You receive this because you are ${possessive(holder)} supervisor.`
      : `You receive this because you are a clinic admin of ${clinic}.`;

  const text = [
    `Dear ${recipient.name},`,
    '',
    `${opening} ${consequence}`,
    '',
    'What to do next:',
    ...steps.map((step, index) => `${index + 1}. ${step}`),
    '',
    `${linkLabel}: ${link}`,
    '',
    why,
    'CIT Academy',
    '',
  ].join('\n');

  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>' +
    escapeHtml(subject) +
    '</title></head><body style="font-family: Arial, Helvetica, sans-serif; color: #14213d; line-height: 1.5; max-width: 40rem">' +
    `<p>Dear ${escapeHtml(recipient.name)},</p>` +
    `<p>${escapeHtml(opening)} ${escapeHtml(consequence)}</p>` +
    '<h2 style="font-size: 1.1em">What to do next</h2>' +
    `<ol>${steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>` +
    `<p><a href="${escapeHtml(link)}" style="color: #0f5c63; font-weight: bold">${escapeHtml(linkLabel)}</a></p>` +
    `<p style="color: #4a5568; font-size: 0.9em">${escapeHtml(why)}<br>CIT Academy</p>` +
    '</body></html>';

  return { subject, text, html, link };
}
