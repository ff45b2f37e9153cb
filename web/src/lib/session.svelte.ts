import type { Principal, Role } from '$core/auth/principal';

interface StoredSession {
  idToken: string;
  /** Only for Cognito's user API (two-factor set-up); the platform's API takes the ID token. */
  accessToken: string;
  expiresAt: number;
  user: Principal;
}

const KEY = 'cit.session';

/**
 * Who is signed in, for the whole app. Kept in sessionStorage (per tab, gone when it closes); the
 * strict CSP is what keeps other scripts from reading it.
 */
class Session {
  /** The signed-in principal, as the API sees the same token. */
  user = $state<Principal | null>(null);
  /** False until the browser has looked for a stored session (pages are prerendered signed out). */
  ready = $state(false);
  #token: string | null = null;
  #accessToken: string | null = null;

  restore() {
    const stored = sessionStorage.getItem(KEY);
    const parsed = stored ? (JSON.parse(stored) as StoredSession) : null;
    if (parsed && parsed.expiresAt > Date.now()) {
      this.#token = parsed.idToken;
      this.#accessToken = parsed.accessToken;
      this.user = parsed.user;
    } else {
      this.clear();
    }
    this.ready = true;
  }

  start(idToken: string, accessToken: string, expiresAt: number, user: Principal) {
    sessionStorage.setItem(KEY, JSON.stringify({ idToken, accessToken, expiresAt, user } satisfies StoredSession));
    this.#token = idToken;
    this.#accessToken = accessToken;
    this.user = user;
    this.ready = true;
  }

  clear() {
    sessionStorage.removeItem(KEY);
    this.#token = null;
    this.#accessToken = null;
    this.user = null;
  }

  get token() {
    return this.#token;
  }

  get accessToken() {
    return this.#accessToken;
  }

  hasRole(...roles: Role[]) {
    return this.user?.roles.some((role) => roles.includes(role)) ?? false;
  }
}

export const session = new Session();
