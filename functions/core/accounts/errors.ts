/** An account with this email exists already (Cognito usernames are emails). */
export class EmailTaken extends Error {
  readonly name = 'EmailTaken';
  constructor(readonly email: string) {
    super(`An account for ${email} already exists.`);
  }
}

/** The identity provider could not be reached or refused for a transient reason. */
export class DirectoryUnavailable extends Error {
  readonly name = 'DirectoryUnavailable';
  constructor(options?: { cause?: unknown }) {
    super('The account directory is temporarily unavailable.', options);
  }
}
