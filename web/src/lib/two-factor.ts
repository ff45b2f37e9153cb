import { webConfig } from './auth';
import { session } from './session.svelte';

/** An error from Cognito's user API, e.g. CodeMismatchException. */
export class UserApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserApiError';
  }
}

/**
 * Cognito's user API with the signed-in user's access token: the same JSON protocol in AWS and
 * against the local provider, which serves these operations too.
 */
async function userApi<T>(operation: string, body: Record<string, unknown> = {}): Promise<T> {
  const { userApi: endpoint } = await webConfig();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify({ AccessToken: session.accessToken, ...body }),
  });
  const result = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new UserApiError(
      String(result.__type ?? 'Error')
        .split('#')
        .pop()!,
      String(result.message ?? 'The request failed.'),
    );
  return result as T;
}

export async function twoFactorEnabled(): Promise<boolean> {
  const user = await userApi<{ UserMFASettingList?: string[] }>('GetUser');
  return user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;
}

/** Starts set-up: the secret to type into an authenticator app, and an otpauth:// link for phones. */
export async function startTwoFactorSetup(email: string): Promise<{ secret: string; link: string }> {
  const { SecretCode } = await userApi<{ SecretCode: string }>('AssociateSoftwareToken');
  const label = encodeURIComponent(`CIT Academy:${email}`);
  return { secret: SecretCode, link: `otpauth://totp/${label}?secret=${SecretCode}&issuer=CIT%20Academy` };
}

/** Verifies the first code from the app, then makes the authenticator the sign-in second factor. */
export async function finishTwoFactorSetup(code: string): Promise<void> {
  await userApi('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: 'Authenticator app' });
  await userApi('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
}
