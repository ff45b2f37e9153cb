import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CertificateLookup } from '../certification/ports';
import { readCertificate } from './certificate-item';
import { keys } from './keys';

/** Public verification: one strongly consistent GetItem, so a revocation shows at once. Nothing else. */
export class DynamoCertificateLookup implements CertificateLookup {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  byCode(code: string) {
    return readCertificate(this.client, this.tableName, keys.publicCertificate(code));
  }
}
