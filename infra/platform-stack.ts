import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth, cognitoOrigins } from './auth';
import { Data } from './data';
import { acknowledgeFindings } from './nag-acknowledgements';
import { Reminders } from './reminders';
import { Site } from './site';

export interface PlatformStackProps extends StackProps {
  /** Cognito managed-login domain prefix; unique per region. Defaults to cit-academy-<account>. */
  authDomainPrefix?: string;
}

/**
 * The whole platform in one deployable unit, one construct per concern. The order avoids a
 * dependency cycle: the site needs the API's address, Cognito needs the site's address for its
 * callback URLs, and only then can the API's routes get their authorizer.
 */
export class PlatformStack extends Stack {
  readonly data: Data;
  readonly api: Api;
  readonly site: Site;
  readonly auth: Auth;
  readonly reminders: Reminders;

  constructor(scope: Construct, id: string, props: PlatformStackProps = {}) {
    super(scope, id, props);
    const domainPrefix = props.authDomainPrefix ?? `cit-academy-${this.account}`;
    const { issuerOrigin, loginOrigin } = cognitoOrigins(domainPrefix);

    this.data = new Data(this, 'Data');
    this.api = new Api(this, 'Api', { data: this.data });
    this.site = new Site(this, 'Site', { httpApi: this.api.httpApi, authOrigins: [issuerOrigin, loginOrigin] });
    this.auth = new Auth(this, 'Auth', { siteUrl: `https://${this.site.distribution.distributionDomainName}`, domainPrefix });
    this.api.connect(this.auth);
    this.site.publish(this.auth.webConfig);

    // The reminders' sender: verified in SES before deploying (README, Expiry reminders).
    const senderIdentityArn = new CfnParameter(this, 'SesIdentityArn', {
      type: 'String',
      description: 'ARN of the verified Amazon SES identity (domain or address) expiry reminders are sent from',
      allowedPattern: '^arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/[^/]+$',
      constraintDescription: 'an SES identity ARN, e.g. arn:aws:ses:eu-west-2:123456789012:identity/example.org',
    });
    const fromAddress = new CfnParameter(this, 'ReminderFromAddress', {
      type: 'String',
      description: 'The From address of expiry reminders, within the SES identity (e.g. reminders@example.org)',
      allowedPattern: '^[^@\\s]+@[^@\\s]+$',
      constraintDescription: 'an email address',
    });
    this.reminders = new Reminders(this, 'Reminders', {
      data: this.data,
      siteUrl: `https://${this.site.distribution.distributionDomainName}`,
      senderIdentityArn: senderIdentityArn.valueAsString,
      fromAddress: fromAddress.valueAsString,
    });
    acknowledgeFindings(this, { api: this.api, site: this.site, auth: this.auth, reminders: this.reminders });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.site.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
