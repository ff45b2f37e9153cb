import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StorageUnavailable } from '../errors';
import type { AttemptStore } from '../quiz/ports';
import type {
  AttemptLedger,
  AttemptRecord,
  GradedAnswer,
  OpenAttemptClaim,
  ServedQuestion,
  Submission,
  SubmitOutcome,
} from '../quiz/types';
import { encodeServedToken, servedInToken } from '../quiz/served-token';
import { byTime } from '../quiz/attempt-policy';
import { keys } from './keys';
import { byIndex, byPrefix, queryAll } from './query-all';

/**
 * Compact encodings keep a submitted attempt within one 1 KB write unit (an update is billed on
 * the whole item): what was served as `draw`, the served token itself (module~version~
 * `questionId|c,a,b;…`), so a submission's condition checks all of it with one equality; and
 * graded answers as one string `b|1;a,c|0;…` in served order, so question ids are not repeated.
 */
const encodeAnswers = (answers: GradedAnswer[]) =>
  answers.map(({ selected, correct }) => `${selected.join(',')}|${correct ? 1 : 0}`).join(';');

function decodeAnswers(encoded: string, served: ServedQuestion[]): GradedAnswer[] {
  return encoded.split(';').map((entry, index) => {
    const [selected, correct] = entry.split('|');
    return { questionId: served[index].questionId, selected: selected ? selected.split(',') : [], correct: correct === '1' };
  });
}

const encodeSubmission = (submission: Submission) => ({ ...submission, answers: encodeAnswers(submission.answers) });

function toRecord(item: Record<string, unknown>): AttemptRecord {
  const { attemptId, userSub, moduleId, contentVersion, passMark, issuedAt, expiresAt, draw, submission } = item as Record<string, never>;
  const stored = submission as (Omit<Submission, 'answers'> & { answers: string }) | undefined;
  const servedQuestions = servedInToken(draw);
  return {
    attemptId,
    userSub,
    moduleId,
    contentVersion,
    passMark,
    issuedAt,
    expiresAt,
    served: servedQuestions,
    ...(stored ? { submission: { ...stored, answers: decodeAnswers(stored.answers, servedQuestions) } } : {}),
  };
}

/** An issued attempt as a table item: in its trainee's partition, findable by id through the keys-only gsi3. */
export function attemptItem(record: AttemptRecord): Record<string, unknown> {
  const { served: _served, ...fields } = record;
  return {
    ...keys.attempt(record.userSub, record.attemptId),
    ...keys.attemptById(record.attemptId),
    type: 'Attempt',
    ...fields,
    draw: encodeServedToken(record),
  };
}

const LEDGER_FIELDS = ['userSub', 'moduleId', 'lastAttemptId', 'issuedInWindow', 'passedAt', 'revision'] as const;

export class DynamoAttemptStore implements AttemptStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async getItem(key: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async ledger(userSub: string, moduleId: string): Promise<AttemptLedger | undefined> {
    const item = await this.getItem(keys.attemptLedger(userSub, moduleId));
    return (
      item &&
      (Object.fromEntries(
        LEDGER_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
      ) as unknown as AttemptLedger)
    );
  }

  async startAttempt(record: AttemptRecord, ledger: AttemptLedger, readRevision: number): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.attemptLedger(ledger.userSub, ledger.moduleId), type: 'AttemptLedger', ...ledger },
                // Unchanged since it was read: a request that raced this one and won has bumped it.
                ...(readRevision === 0
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : { ConditionExpression: 'revision = :read', ExpressionAttributeValues: { ':read': readRevision } }),
              },
            },
            { Put: { TableName: this.tableName, Item: attemptItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      // The ledger changed since it was read, or another start request is writing it right now
      // (DynamoDB cancels one of two transactions on the same item): either way, read again.
      const codes = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).map((reason) => reason.Code) : [];
      if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return false;
      throw new StorageUnavailable({ cause: error });
    }
  }

  async get(attemptId: string): Promise<AttemptRecord | undefined> {
    let found: Record<string, unknown> | undefined;
    try {
      // By id alone (a reviewer does not know whose it is): the keys-only index names the item.
      [found] = (await this.client.send(new QueryCommand(byIndex(this.tableName, 'gsi3', keys.attemptById(attemptId).gsi3pk)))).Items ?? [];
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
    if (!found) return undefined;
    const item = await this.getItem({ pk: String(found.pk), sk: String(found.sk) });
    return item ? toRecord(item) : undefined;
  }

  async getOwn(userSub: string, attemptId: string): Promise<AttemptRecord | undefined> {
    const item = await this.getItem(keys.attempt(userSub, attemptId));
    return item ? toRecord(item) : undefined;
  }

  async recordSubmission(attemptId: string, claim: OpenAttemptClaim, submission: Submission): Promise<SubmitOutcome> {
    try {
      // No read first: the condition checks everything the submission relies on, and a refusal
      // hands back the stored item (ALL_OLD, which costs no read capacity) to say why.
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          // The key is the trainee's own partition: someone else's attempt id finds nothing there.
          Key: keys.attempt(claim.userSub, attemptId),
          UpdateExpression: 'SET #submission = :submission',
          // A missing item has no draw, so the equality also says it exists.
          ConditionExpression: 'attribute_not_exists(#submission) AND draw = :draw AND expiresAt > :at',
          ExpressionAttributeNames: { '#submission': 'submission' },
          ExpressionAttributeValues: { ':submission': encodeSubmission(submission), ':draw': encodeServedToken(claim), ':at': claim.at },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { recorded: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        return { recorded: false, existing: error.Item ? toRecord(unmarshall(error.Item)) : undefined };
      throw new StorageUnavailable({ cause: error });
    }
  }

  async listByUser(userSub: string): Promise<AttemptRecord[]> {
    // Strongly consistent: the attempt policy must see an attempt issued a moment ago.
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.attemptsOf(userSub)));
    return items.map(toRecord).sort((a, b) => byTime(b.issuedAt, a.issuedAt));
  }
}
