import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/core/store/document-client';

export interface Capacity {
  readUnits: number;
  writeUnits: number;
  calls: string[];
}

const READS = /^(Get|BatchGet|Query|Scan|TransactGet)/;

/**
 * A document client that asks DynamoDB for the capacity every call consumed
 * (ReturnConsumedCapacity, which DynamoDB Local answers as DynamoDB does) and adds it up, so the
 * cost model uses measured read and write units rather than assumed ones.
 */
export function meteredClient(endpoint: string, tableName: string): { client: DynamoDBDocumentClient; take: () => Capacity } {
  const client = createDocumentClient({ tableName, endpoint });
  let used: Capacity = { readUnits: 0, writeUnits: 0, calls: [] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const command = String(context.commandName).replace(/Command$/, '');
      const units = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity?.CapacityUnits ?? 0;
      used.calls.push(command);
      if (READS.test(command)) used.readUnits += units;
      else used.writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'meterCapacity' },
  );
  return {
    client,
    take: () => {
      const taken = used;
      used = { readUnits: 0, writeUnits: 0, calls: [] };
      return taken;
    },
  };
}
