import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '../../../functions/core/auth/principal';

export interface LocalAccount {
  sub: string;
  email: string;
  name: string;
  role: Role;
  orgId?: string;
  /** scrypt hash and salt; absent until the invitee sets a password. */
  password?: { hash: string; salt: string };
  /** Authenticator-app (TOTP) second factor: a secret being set up, then enabled once a code is verified. */
  totp?: { secret: string; verified: boolean; enabled: boolean };
}

export interface Invitation {
  token: string;
  email: string;
  name: string;
  role: Role;
  url: string;
  sentAt: string;
  acceptedAt?: string;
  /** A later invitation to the same account replaced this one; its link no longer works. */
  supersededAt?: string;
}

/** Passwords must be at least this long, as in the Cognito pool's policy. */
export const MIN_PASSWORD_LENGTH = 12;

/** The authenticator settings Cognito uses: SHA-1, 6 digits, 30-second steps. */
export const totpFor = (secret: string, label = 'CIT Academy') =>
  new TOTP({ issuer: 'CIT Academy', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

function hash(password: string, salt = randomBytes(16).toString('hex')) {
  return { hash: scryptSync(password, salt, 32).toString('hex'), salt };
}

/** The local provider's accounts and invitations, in memory like the rest of the local stack. */
export class LocalAccounts {
  private readonly byEmail = new Map<string, LocalAccount>();
  readonly invitations: Invitation[] = [];

  add(account: Omit<LocalAccount, 'password'> & { password?: string }): LocalAccount {
    const email = account.email.toLowerCase();
    if (this.byEmail.has(email)) throw new Error(`account ${email} exists`);
    const stored: LocalAccount = { ...account, email, password: account.password ? hash(account.password) : undefined };
    this.byEmail.set(email, stored);
    return stored;
  }

  has(email: string) {
    return this.byEmail.has(email.toLowerCase());
  }

  bySub(sub: string) {
    return [...this.byEmail.values()].find((account) => account.sub === sub);
  }

  remove(email: string) {
    this.byEmail.delete(email.toLowerCase());
  }

  /** The account if the password matches; an unknown email costs the same hashing as a wrong password. */
  authenticate(email: string, password: string): LocalAccount | undefined {
    const account = this.byEmail.get(email.trim().toLowerCase());
    const candidate = hash(password, account?.password?.salt ?? 'unknown-account');
    if (!account?.password) return undefined;
    return timingSafeEqual(Buffer.from(candidate.hash, 'hex'), Buffer.from(account.password.hash, 'hex')) ? account : undefined;
  }

  /** Creates an account that has no password yet and tells nobody: sendInvitation does that. */
  create(details: { email: string; name: string; role: Role; orgId: string }): LocalAccount {
    return this.add({ sub: randomUUID(), email: details.email, name: details.name, role: details.role, orgId: details.orgId });
  }

  /**
   * Puts an invitation for an account not taken up yet in the outbox, as Cognito's RESEND emails
   * one: a fresh link, and any earlier link for the account stops working. Undefined when the
   * account does not exist or already has a password.
   */
  sendInvitation(email: string, issuer: string): Invitation | undefined {
    const account = this.byEmail.get(email.toLowerCase());
    if (!account || account.password) return undefined;
    for (const earlier of this.invitations)
      if (earlier.email === account.email && !earlier.acceptedAt) earlier.supersededAt ??= new Date().toISOString();
    const token = randomBytes(24).toString('base64url');
    const invitation: Invitation = {
      token,
      email: account.email,
      name: account.name,
      role: account.role,
      url: `${issuer}/invite/${token}`,
      sentAt: new Date().toISOString(),
    };
    this.invitations.unshift(invitation);
    return invitation;
  }

  /** Starts (or restarts) authenticator set-up and returns the base32 secret for the app. */
  startTotp(sub: string): string {
    const account = this.bySub(sub)!;
    const secret = new Secret({ size: 20 }).base32;
    account.totp = { secret, verified: false, enabled: account.totp?.enabled ?? false };
    return secret;
  }

  /** Checks a 6-digit code against the account's secret (one step of clock drift either way). */
  checkTotp(sub: string, code: string): boolean {
    const secret = this.bySub(sub)?.totp?.secret;
    if (!secret || !/^\d{6}$/.test(code)) return false;
    return totpFor(secret).validate({ token: code, window: 1 }) !== null;
  }

  pendingInvitation(token: string) {
    return this.invitations.find((invitation) => invitation.token === token && !invitation.acceptedAt && !invitation.supersededAt);
  }

  acceptInvitation(token: string, password: string): LocalAccount | undefined {
    const invitation = this.pendingInvitation(token);
    const account = invitation && this.byEmail.get(invitation.email);
    if (!invitation || !account) return undefined;
    account.password = hash(password);
    invitation.acceptedAt = new Date().toISOString();
    return account;
  }
}
