import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Auth, cognitoOrigins } from './auth';
import { Data } from './data';
import { acknowledgeFindings } from './nag-acknowledgements';
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
    acknowledgeFindings(this, { api: this.api, site: this.site, auth: this.auth });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.site.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
