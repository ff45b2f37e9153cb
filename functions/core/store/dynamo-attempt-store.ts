import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StorageUnavailable } from '../errors';
import type { AttemptRecord, AttemptStore, GradedAnswer, OpenAttemptClaim, ServedQuestion, Submission, SubmitOutcome } from '../quiz/attempt-store';
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
const encodeAnswers = (answers: GradedAnswer[]) => answers.map(({ selected, correct }) => `${selected.join(',')}|${correct ? 1 : 0}`).join(';');

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

export class DynamoAttemptStore implements AttemptStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(record: AttemptRecord): Promise<void> {
    const { served: _served, ...fields } = record;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.attempt(record.userSub, record.attemptId),
            ...keys.attemptById(record.attemptId),
            type: 'Attempt',
            ...fields,
            draw: encodeServedToken(record),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  async get(attemptId: string): Promise<AttemptRecord | undefined> {
    try {
      // By id alone (a reviewer does not know whose it is): the keys-only index names the item.
      const { Items: [found] = [] } = await this.client.send(new QueryCommand(byIndex(this.tableName, 'gsi3', keys.attemptById(attemptId).gsi3pk)));
      if (!found) return undefined;
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: found.pk, sk: found.sk }, ConsistentRead: true }));
      return Item ? toRecord(Item) : undefined;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
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
      if (error instanceof ConditionalCheckFailedException) return { recorded: false, existing: error.Item ? toRecord(unmarshall(error.Item)) : undefined };
      throw new StorageUnavailable({ cause: error });
    }
  }

  async listByUser(userSub: string): Promise<AttemptRecord[]> {
    // Strongly consistent: the attempt policy must see an attempt issued a moment ago.
    const items = await queryAll(this.client, byPrefix(this.tableName, keys.attemptsOf(userSub)));
    return items.map(toRecord).sort((a, b) => byTime(b.issuedAt, a.issuedAt));
  }
}
