import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { tableSchema } from '../functions/core/store/table-schema';

/**
 * The DynamoDB actions a function may be granted; each function asks for the fewest it needs.
 * There is no TransactWriteItems action in IAM: each item of a transaction is checked as the
 * PutItem, UpdateItem, DeleteItem or ConditionCheckItem it is.
 */
export type TableAction = 'dynamodb:PutItem' | 'dynamodb:GetItem' | 'dynamodb:Query' | 'dynamodb:UpdateItem';

/** What a function may do with the table: these actions, on the table and on the named indexes only. */
export interface TableAccess {
  actions: TableAction[];
  indexes?: string[];
}

/** The platform's data: one DynamoDB table, built from the same definition as the local table. */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const string = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      partitionKey: string(tableSchema.partitionKey),
      sortKey: string(tableSchema.sortKey),
      timeToLiveAttribute: tableSchema.timeToLiveAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      // Certificates and training records must survive a stack deletion.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableSchema.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: index.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      });
    }
  }

  /**
   * Gives a function the table name and exactly the listed actions: on the table, and on the
   * named indexes only when it queries them (no `index/*` wildcard).
   */
  bindTable(fn: LambdaFunction & IGrantable, { actions, indexes = [] }: TableAccess): void {
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
    const indexArns = indexes.map((name) => `${this.table.tableArn}/index/${name}`);
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [this.table.tableArn, ...indexArns] }),
    );
  }
}
