import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { IssuerKeys } from './issuer-keys';
import { ROLES, type Role } from '../functions/core/auth/principal';
import type { WebConfig } from './site/web-config';

export interface AuthProps {
  /** https://… origin of the web app: the only place sign-in may return to. */
  siteUrl: string;
  /** Prefix of the Cognito managed-login domain; must be unique in the region. */
  domainPrefix: string;
}

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  trainee: 'Takes courses; sees only their own attempts, progress and certificates',
  supervisor: 'Manages the trainees assigned to them in their organisation',
  'clinic-admin': "Manages their clinic's staff roster and verifies staff certification",
  'platform-admin': 'Creates organisations and supervisors',
};

/** Where the browser talks to Cognito, derived from the prefix alone so the site can name them without depending on this construct. */
export const cognitoOrigins = (domainPrefix: string) => ({
  issuerOrigin: `https://cognito-idp.${Aws.REGION}.amazonaws.com`,
  loginOrigin: `https://${domainPrefix}.auth.${Aws.REGION}.amazoncognito.com`,
});

/** Accounts and roles: a Cognito user pool with a group per role, managed login, and the web app client. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly webConfig: WebConfig;
  /** The pool's public signing keys, captured at deploy time for the functions (AUTH_JWKS). */
  readonly issuerKeys: IssuerKeys;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts come only from invitations (AdminCreateUser).
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      customAttributes: { org: new StringAttribute({ minLen: 1, maxLen: 80, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Your CIT Academy account',
        emailBody:
          `Hello,<br><br>You have been invited to CIT Academy. Sign in at ${props.siteUrl}/auth/sign-in ` +
          'with your email address {username} and the temporary password {####}; you will then choose your own password.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
      });
    }

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    this.webClient = this.userPool.addClient('WebClient', {
      // A browser app cannot keep a secret: public client, authorization code flow with PKCE.
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // COGNITO_ADMIN lets the signed-in user's access token call the user API for two-factor set-up.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: [`${props.siteUrl}/auth/callback`],
        logoutUrls: [`${props.siteUrl}/`],
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('org'),
      // Users may change their name, never their email or organisation.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.webConfig = {
      issuer: this.userPool.userPoolProviderUrl,
      clientId: this.webClient.userPoolClientId,
      logoutUrl: `${this.domain.baseUrl()}/logout`,
      userApi: `https://cognito-idp.${Aws.REGION}.amazonaws.com/`,
    };
    this.issuerKeys = new IssuerKeys(this, 'IssuerKeys', { issuer: this.userPool.userPoolProviderUrl });
  }
}
