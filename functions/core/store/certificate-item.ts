import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CertificateRecord } from '../certification/types';
import { StorageUnavailable } from '../errors';

const CERTIFICATE_FIELDS = [
  'code',
  'traineeSub',
  'holderName',
  'orgId',
  'organisationName',
  'qualification',
  'scope',
  'issuedAt',
  'expiresAt',
  'issuedBy',
  'modules',
  'procedureIds',
  'status',
  'suspension',
  'revocation',
  'supersededBy',
  'supersededAt',
  'renews',
  'replaces',
  'evidenceFrom',
  'platformAdminHold',
] as const;

/** A stored certificate item (either copy) back to the record, without keys or item type. */
export function toCertificate(item: Record<string, unknown>): CertificateRecord {
  return Object.fromEntries(
    CERTIFICATE_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as unknown as CertificateRecord;
}

/** Reads either copy of a certificate, strongly consistent: a change made a moment ago must show. */
export async function readCertificate(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, string>,
): Promise<CertificateRecord | undefined> {
  try {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item ? toCertificate(Item) : undefined;
  } catch (error) {
    throw new StorageUnavailable({ cause: error });
  }
}
