import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CertificationStore } from '../certification/ports';
import type { AssessmentRecord, CertificateRecord, Revocation } from '../certification/records';
import { StorageUnavailable } from '../errors';
import { toCertificate } from './certificate-item';
import { keys } from './keys';
import { byIndex, queryAll } from './query-all';

const ASSESSMENT_FIELDS = ['assessmentId', 'traineeSub', 'assessorSub', 'assessorName', 'observedOn', 'procedure', 'ratings', 'satisfactory', 'feedback', 'recordedAt'] as const;

const toAssessment = (item: Record<string, unknown>) =>
  Object.fromEntries(ASSESSMENT_FIELDS.map((field) => [field, item[field]])) as unknown as AssessmentRecord;

/** True when a transaction was cancelled because the condition on its first item failed. */
const firstConditionFailed = (error: unknown) =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';

/**
 * Observed procedures and certificates. A certificate is kept twice, written and revoked together
 * in one transaction: in the trainee's partition (whose existence makes issuing exactly-once) and
 * under its code, for public verification.
 */
export class DynamoCertificationStore implements CertificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async addAssessment(record: AssessmentRecord): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.assessment(record.traineeSub, record.recordedAt, record.assessmentId), type: 'Assessment', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async listAssessments(traineeSub: string): Promise<AssessmentRecord[]> {
    const { pk, skPrefix } = keys.assessmentsOf(traineeSub);
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      // The supervisor issuing a certificate must count the observation recorded a moment ago.
      ConsistentRead: true,
    });
    return items.map(toAssessment);
  }

  async certificateOf(traineeSub: string): Promise<CertificateRecord | undefined> {
    try {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.certificateOf(traineeSub), ConsistentRead: true }));
      return Item ? toCertificate(Item) : undefined;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async issueOnce(record: CertificateRecord): Promise<boolean> {
    const put = (key: Record<string, string>) => ({
      Put: { TableName: this.tableName, Item: { ...key, type: 'Certificate', ...record }, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    // The trainee's copy is also listed in their organisation's roster; the public copy nowhere.
    const roster = record.orgId ? keys.certificateInOrganisation(record.orgId, record.holderName, record.traineeSub) : {};
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: [put({ ...keys.certificateOf(record.traineeSub), ...roster }), put(keys.certificateByCode(record.code))] }));
      return true;
    } catch (error) {
      // The trainee already holds one. (A clash of two random 60-bit codes would fail the second
      // condition instead, and surfaces as an error rather than overwrite someone's certificate.)
      if (firstConditionFailed(error)) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  async renewOnce(current: CertificateRecord, renewal: CertificateRecord, at: string): Promise<boolean> {
    const roster = renewal.orgId ? keys.certificateInOrganisation(renewal.orgId, renewal.holderName, renewal.traineeSub) : {};
    const names = { '#status': 'status' };
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.certificateOf(renewal.traineeSub), ...roster, type: 'Certificate', ...renewal },
                // Still the certificate this renewal was decided on, and still active.
                ConditionExpression: 'code = :current AND #status = :active',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: { ':current': current.code, ':active': 'active' },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.certificateByCode(renewal.code), type: 'Certificate', ...renewal },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.certificateByCode(current.code),
                UpdateExpression: 'SET #status = :superseded, supersededBy = :next, supersededAt = :at',
                ConditionExpression: '#status = :active',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: { ':superseded': 'superseded', ':next': renewal.code, ':at': at, ':active': 'active' },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (firstConditionFailed(error)) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  async certificatesIn(orgId: string): Promise<CertificateRecord[]> {
    const { gsi1pk, skPrefix } = keys.certificatesOf(orgId);
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi1', gsi1pk, skPrefix))).map(toCertificate);
  }

  async revoke(record: CertificateRecord, revocation: Revocation): Promise<boolean> {
    const update = (key: Record<string, string>) => ({
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedBy = :by, revocationReason = :reason',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':active': 'active', ':at': revocation.revokedAt, ':by': revocation.revokedBy, ':reason': revocation.reason },
      },
    });
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: [update(keys.certificateOf(record.traineeSub)), update(keys.certificateByCode(record.code))] }));
      return true;
    } catch (error) {
      if (firstConditionFailed(error)) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }
}
