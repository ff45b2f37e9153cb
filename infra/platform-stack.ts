import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './api';
import { Data } from './data';
import { acknowledgeFindings } from './nag-acknowledgements';
import { Site } from './site';

/** The whole platform in one deployable unit, composed of one construct per concern. */
export class PlatformStack extends Stack {
  readonly data: Data;
  readonly api: Api;
  readonly site: Site;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.data = new Data(this, 'Data');
    this.api = new Api(this, 'Api', { data: this.data });
    this.site = new Site(this, 'Site', { httpApi: this.api.httpApi });
    acknowledgeFindings(this, { api: this.api, site: this.site });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.site.distribution.distributionDomainName}` });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
