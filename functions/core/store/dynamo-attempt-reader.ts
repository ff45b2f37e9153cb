import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { byTime } from '../quiz/attempt-policy';
import type { AttemptStore } from '../quiz/ports';
import type { AttemptRecord } from '../quiz/types';
import { attemptFromItem } from './attempt-item';
import { keys } from './keys';
import { byPrefix, queryAll } from './query-all';

/**
 * A trainee's attempts, newest first: all the certification function reads of them, apart from
 * the quiz's store so its bundle carries none of the issuing and submitting code.
 */
export class DynamoAttemptReader implements Pick<AttemptStore, 'listByUser'> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async listByUser(userSub: string): Promise<AttemptRecord[]> {
    // Strongly consistent: the attempt policy must see an attempt issued a moment ago.
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.attemptsOf(userSub)));
    return items.map(attemptFromItem).sort((a, b) => byTime(b.issuedAt, a.issuedAt));
  }
}
