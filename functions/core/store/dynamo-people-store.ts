import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PeopleStore } from '../accounts/ports';
import type { Organisation, Person } from '../accounts/types';
import { StorageUnavailable } from '../errors';
import type { Claimed, IdempotencyClaim } from '../idempotency';
import { claimPut, earlierClaim } from './idempotency-item';
import { keys } from './keys';
import { byIndex, queryAll } from './query-all';

const PERSON_FIELDS = ['sub', 'email', 'name', 'role', 'orgId', 'supervisorSub', 'invitedAt', 'standIn'] as const;
const ORGANISATION_FIELDS = ['orgId', 'name', 'kind', 'createdAt'] as const;

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.filter((field) => item[field] !== undefined).map((field) => [field, item[field]])) as T;
}

export class DynamoPeopleStore implements PeopleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async get<T>(key: Record<string, string>, fields: readonly string[]): Promise<T | undefined> {
    try {
      const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
      return Item ? pick<T>(Item, fields) : undefined;
    } catch (error) {
      throw new StorageUnavailable({ cause: error });
    }
  }

  private async createOnce(item: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      // A duplicate id is a bug upstream (ids are minted fresh), not a client error; surface it as such.
      if (error instanceof ConditionalCheckFailedException) throw new Error(`Refusing to overwrite ${String(item.pk)}`, { cause: error });
      throw new StorageUnavailable({ cause: error });
    }
  }

  getPerson(sub: string) {
    return this.get<Person>(keys.person(sub), PERSON_FIELDS);
  }

  createPerson(person: Person) {
    return this.createOnce({
      ...keys.person(person.sub),
      type: 'Person',
      ...person,
      ...(person.orgId
        ? {
            gsi1pk: keys.membersOf(person.orgId).gsi1pk,
            gsi1sk: `${keys.membersOf(person.orgId).skPrefix}${person.role}#${person.name}#${person.sub}`,
          }
        : {}),
      ...(person.supervisorSub ? { gsi2pk: keys.traineesOf(person.supervisorSub), gsi2sk: `TRAINEE#${person.name}#${person.sub}` } : {}),
    });
  }

  async listMembers(orgId: string) {
    // The organisation's partition also holds its certificates (the roster); people only here.
    const { gsi1pk, skPrefix } = keys.membersOf(orgId);
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi1', gsi1pk, skPrefix))).map((item) =>
      pick<Person>(item, PERSON_FIELDS),
    );
  }

  async listTraineesOf(supervisorSub: string) {
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi2', keys.traineesOf(supervisorSub)))).map((item) =>
      pick<Person>(item, PERSON_FIELDS),
    );
  }

  getOrganisation(orgId: string) {
    return this.get<Organisation>(keys.organisation(orgId), ORGANISATION_FIELDS);
  }

  async createOrganisation(organisation: Organisation, claim?: IdempotencyClaim): Promise<Claimed<Organisation>> {
    const key = keys.organisation(organisation.orgId);
    const item = {
      ...key,
      type: 'Organisation',
      ...organisation,
      gsi1pk: keys.allOrganisations,
      gsi1sk: `${organisation.name}#${organisation.orgId}`,
    };
    if (!claim) {
      await this.createOnce(item);
      return { outcome: 'created', value: organisation };
    }
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            claimPut(this.tableName, claim, key),
            { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return { outcome: 'created', value: organisation };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'))
        throw new StorageUnavailable({ cause: error });
    }
    const earlier = await earlierClaim(this.client, this.tableName, claim);
    if (!earlier || earlier.fingerprint !== claim.fingerprint) return { outcome: 'key-reused' };
    const made = await this.get<Organisation>(earlier.made, ORGANISATION_FIELDS);
    if (!made) throw new Error(`Idempotency claim ${claim.key} names an organisation that does not exist`);
    return { outcome: 'replayed', value: made };
  }

  async listOrganisations() {
    return (await queryAll(this.client, byIndex(this.tableName, 'gsi1', keys.allOrganisations))).map((item) =>
      pick<Organisation>(item, ORGANISATION_FIELDS),
    );
  }
}
