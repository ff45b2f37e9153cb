import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type { BenchRequest } from './events';
import { round } from './stats';

export interface Load {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  status2xx: number;
  non2xx: number;
  errors: number;
  peakRssMb: number;
  /** CPU time the server process spent per request (user + system). */
  cpuMsPerRequest: number;
  /** CPU time DynamoDB Local (java, on the same cores) spent per request. */
  dynamoDbCpuMsPerRequest: number;
}

/** What browsers send, so responses are encoded as a browser would receive them. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** Bounded load: per round, an unmeasured warm-up, then the measured submissions. */
export const LOAD = { connections: 10, warmUp: 3_000, amount: 3_000, rounds: 3, timeoutSeconds: 60 };

/** Starts a bundled server in its own Node process and resolves when it listens. */
export function startServer(bundlePath: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundlePath], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error(`${bundlePath} did not start`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`${bundlePath} exited with ${code}`)));
  });
}

/** Peak resident set size of a process so far (Linux VmHWM). */
export function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

/** User + system CPU time of a process so far, in ms (Linux /proc, clock ticks of 10 ms). */
function cpuTimeMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function fire(url: string, amount: number, next: () => BenchRequest) {
  const started = performance.now();
  let lastResponseAt = started;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: LOAD.connections,
    amount,
    timeout: LOAD.timeoutSeconds,
    headers: { 'content-type': 'application/json', 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    requests: [
      {
        setupRequest: (request) => {
          const { method = 'POST', path, body, authorization } = next();
          const headers = authorization ? { ...request.headers, authorization } : request.headers;
          return { ...request, method, path, headers, body: method === 'GET' ? undefined : JSON.stringify(body) };
        },
        onResponse: () => {
          lastResponseAt = performance.now();
        },
      },
    ],
  });
  // autocannon ends an `amount` run on its one-second ticker; time to the last response instead.
  return { result, elapsedSeconds: (lastResponseAt - started) / 1000 };
}

/**
 * A bounded load on 127.0.0.1: a warm-up (so JIT and connection pools are hot), then a fixed
 * number of requests (submissions each with their own attempt id, or verifications). Throughput is total ÷ time to the last
 * response: autocannon's per-second average is too coarse for runs of a few seconds.
 */
export async function load(
  url: string,
  pids: { server: number; dynamoDb: number },
  next: () => BenchRequest,
): Promise<Load & { warmUp2xx: number }> {
  const warmUp = await fire(url, LOAD.warmUp, next);
  const cpuBefore = cpuTimeMs(pids.server);
  const dynamoDbBefore = cpuTimeMs(pids.dynamoDb);
  const { result, elapsedSeconds } = await fire(url, LOAD.amount, next);
  const perRequest = (ms: number) => round(ms / result.requests.total, 3);
  return {
    warmUp2xx: warmUp.result['2xx'],
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / elapsedSeconds, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssMb: peakRssMb(pids.server),
    cpuMsPerRequest: perRequest(cpuTimeMs(pids.server) - cpuBefore),
    dynamoDbCpuMsPerRequest: perRequest(cpuTimeMs(pids.dynamoDb) - dynamoDbBefore),
  };
}
