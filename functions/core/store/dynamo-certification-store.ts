import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEvents, type AuditEvent } from '../certification/audit';
import type { CertificationStore } from '../certification/ports';
import type { AssessmentRecord, CertificateRecord, Revocation } from '../certification/records';
import { StorageUnavailable } from '../errors';
import { toCertificate } from './certificate-item';
import { keys } from './keys';
import { byIndex, byPrefix, queryAll } from './query-all';

const ASSESSMENT_FIELDS = ['assessmentId', 'traineeSub', 'assessorSub', 'assessorName', 'observedOn', 'procedure', 'ratings', 'satisfactory', 'feedback', 'recordedAt'] as const;

const toAssessment = (item: Record<string, unknown>) =>
  Object.fromEntries(ASSESSMENT_FIELDS.map((field) => [field, item[field]])) as unknown as AssessmentRecord;

/** True when a transaction was cancelled because the condition on its first item failed. */
const firstConditionFailed = (error: unknown) =>
  error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';

/**
 * Observed procedures and certificates. A certificate is kept twice, written and revoked together
 * in one transaction: in the trainee's partition (whose existence makes issuing exactly-once) and
 * under its code, for public verification. Every write appends its history event in the same
 * transaction.
 */
export class DynamoCertificationStore implements CertificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The Put that appends an event to the trainee's history; a fresh key, never overwritten. */
  private audit(event: AuditEvent) {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.auditEvent(event.traineeSub, event.at, randomUUID()), type: 'AuditEvent', ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async addAssessment(record: AssessmentRecord): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.assessment(record.traineeSub, record.recordedAt, record.assessmentId), type: 'Assessment', ...record },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            this.audit(auditEvents.assessmentRecorded(record)),
          ],
        }),
      );
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async listAudit(traineeSub: string): Promise<AuditEvent[]> {
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.auditOf(traineeSub), true));
    return items.map(({ traineeSub, at, action, actor, code, summary }) => ({ traineeSub, at, action, actor, ...(code ? { code } : {}), summary }) as AuditEvent);
  }

  async listAssessments(traineeSub: string): Promise<AssessmentRecord[]> {
    // The supervisor issuing a certificate must count the observation recorded a moment ago.
    return (await queryAll(this.client, byPrefix(this.tableName, keys.assessmentsOf(traineeSub), true))).map(toAssessment);
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
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [put({ ...keys.certificateOf(record.traineeSub), ...roster }), put(keys.certificateByCode(record.code)), this.audit(auditEvents.certificateIssued(record))],
        }),
      );
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
            this.audit(auditEvents.certificateRenewed(current, renewal)),
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
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [update(keys.certificateOf(record.traineeSub)), update(keys.certificateByCode(record.code)), this.audit(auditEvents.certificateRevoked(record, revocation))],
        }),
      );
      return true;
    } catch (error) {
      if (firstConditionFailed(error)) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }
}
