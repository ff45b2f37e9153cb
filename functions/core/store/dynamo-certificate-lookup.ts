import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CertificateLookup } from '../certification/ports';
import { StorageUnavailable } from '../errors';
import { toCertificate } from './certificate-item';
import { keys } from './keys';

/** Public verification: one strongly consistent GetItem, so a revocation shows at once. Nothing else. */
export class DynamoCertificateLookup implements CertificateLookup {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async byCode(code: string) {
    try {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.certificateByCode(code), ConsistentRead: true }));
      return Item ? toCertificate(Item) : undefined;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }
}
