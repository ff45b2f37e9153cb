/**
 * Sign-in and sign-out as used by buttons: the OpenID client (oauth4webapi) loads on click, so
 * it is not part of every page's first load. The callback page imports ./auth directly.
 */
export const signIn = async (returnTo?: string) => (await import('./auth')).signIn(returnTo);
export const signOut = async () => (await import('./auth')).signOut();
