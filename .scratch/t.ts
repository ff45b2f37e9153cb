import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/core/store/document-client';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/preflight';
const d = await startDynamoDbLocal(await freePort());
const c = createDocumentClient({ tableName: 'x', endpoint: d.endpoint });
console.log('handler', (c.config as any).requestHandler?.constructor?.name, await (c.config as any).requestHandler?.configProvider?.then?.((x: any) => x));
process.kill(d.pid!, 'SIGSTOP');
const t = Date.now();
try { await c.send(new GetCommand({ TableName: 'x', Key: { pk: 'a', sk: 'b' } })); } catch (e) { console.log('error after', Date.now() - t, (e as Error).name, (e as Error).message); }
process.kill(d.pid!, 'SIGCONT');
await d.stop();
