/** Whether to ask the signed-in supervisor or admin to set up two-factor sign-in (shared by the banner and the set-up page). */
export const security = $state({ promptTwoFactor: false });
