/** No usable credentials: missing, malformed, expired or forged token. */
export class Unauthenticated extends Error {
  readonly name = 'Unauthenticated';
}

/** A valid caller without the right to do this. */
export class Forbidden extends Error {
  readonly name = 'Forbidden';
}

/** The thing does not exist, or exists but the caller may not know that it does. */
export class NotFound extends Error {
  readonly name = 'NotFound';
  constructor(readonly what: string) {
    super(`${what} was not found.`);
  }
}

/** The identity provider's keys could not be fetched; the caller may retry. */
export class AuthUnavailable extends Error {
  readonly name = 'AuthUnavailable';
  constructor(options?: { cause?: unknown }) {
    super('Sign-in could not be checked right now.', options);
  }
}
