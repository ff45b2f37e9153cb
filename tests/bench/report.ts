import { cpus, totalmem } from 'node:os';
import type { Capacity } from '../support/metered-client';
import type { ColdStart } from './cold-start';
import type { CostPerMillion } from './cost-model';
import type { Load } from './http-load';
import type { PageTransfer } from './page-transfer';
import type { Latency } from './warm-latency';
import type { RouteWeight } from './web-weight';
import type { WireBytes } from './wire-bytes';
import { round } from './stats';

export interface BenchResults {
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string };
  bundles: Record<string, { bytes: number; gzipBytes: number; ratioToFloor: number }>;
  coldStart: Record<string, ColdStart> & { ratio: number };
  warm: { scoring20Items: Latency; submitWithStorage: Latency; floorWithStorage: Latency; verification: string };
  load: { quiz: Load; floor: Load; throughputRatio: number; storedAttempts: number; quiz2xx: number; storedFloorItems: number; floor2xx: number };
  web: { routes: RouteWeight[]; modulePage: PageTransfer };
  cost: { submissions: CostPerMillion; verifications: string; memoryMb: number; capacity: Capacity; wire: WireBytes & { awsAddedResponseHeaderBytes: number } };
  budgets: { name: string; value: string; goal: string; met: boolean }[];
}

export const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: round(totalmem() / 1024 ** 3, 1),
  node: process.version,
});

const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;

/** The Markdown table README's Performance section quotes. */
export function toMarkdown(results: BenchResults): string {
  const { bundles, coldStart, warm, load, web, cost } = results;
  const lines = [
    `Benchmark of ${results.ranAt} on ${results.machine.cpu} (${results.machine.cores} cores, ${results.machine.memoryGb} GB), Node ${results.machine.node}.`,
    '',
    '| Measure | Ours | Floor | Ratio / budget |',
    '| --- | --- | --- | --- |',
    ...Object.entries(bundles)
      .filter(([name]) => name !== 'floor')
      .map(([name, size]) => `| Bundle \`${name}\` (min / gzip) | ${kb(size.bytes)} / ${kb(size.gzipBytes)} | ${kb(bundles.floor.bytes)} / ${kb(bundles.floor.gzipBytes)} | ${size.ratioToFloor} (≤ 1.25) |`),
    `| Cold start, import + first request (median / p90, ${coldStart.quiz.runs} runs) | ${coldStart.quiz.medianMs} / ${coldStart.quiz.p90Ms} ms | ${coldStart.floor.medianMs} / ${coldStart.floor.p90Ms} ms | ${coldStart.ratio} (goal ≤ 1.2) |`,
    `| Scoring a 20-item attempt, pure (p50 / p99, ${warm.scoring20Items.calls} calls) | ${warm.scoring20Items.p50} / ${warm.scoring20Items.p99} µs | | |`,
    `| Submit in process incl. DynamoDB Local (p50 / p99, ${warm.submitWithStorage.calls} calls) | ${warm.submitWithStorage.p50} / ${warm.submitWithStorage.p99} ms | ${warm.floorWithStorage.p50} / ${warm.floorWithStorage.p99} ms | |`,
    `| HTTP load, median of 3 rounds × ${load.quiz.requests} submissions (req/s; p50 / p99) | ${load.quiz.requestsPerSecond}; ${load.quiz.p50Ms} / ${load.quiz.p99Ms} ms | ${load.floor.requestsPerSecond}; ${load.floor.p50Ms} / ${load.floor.p99Ms} ms | ${load.throughputRatio} (goal ≥ 0.8) |`,
    `| Errors under load, median round (non-2xx + errors) | ${load.quiz.non2xx + load.quiz.errors} | ${load.floor.non2xx + load.floor.errors} | goal 0 |`,
    `| Stored items vs 2xx responses, all rounds | ${load.storedAttempts} / ${load.quiz2xx} | ${load.storedFloorItems} / ${load.floor2xx} | must be equal |`,
    `| Server CPU time per request under load | ${load.quiz.cpuMsPerRequest} ms | ${load.floor.cpuMsPerRequest} ms | |`,
    `| DynamoDB Local CPU time per request under load (same 2 cores) | ${load.quiz.dynamoDbCpuMsPerRequest} ms | ${load.floor.dynamoDbCpuMsPerRequest} ms | |`,
    `| Peak RSS under load (all rounds) | ${load.quiz.peakRssMb} MB | ${load.floor.peakRssMb} MB | Lambda memory ${cost.memoryMb} MB |`,
    ...web.routes.map((route) => `| Web \`${route.route}\` first-load JS / CSS (gzip) | ${kb(route.jsGzipBytes)} / ${kb(route.cssGzipBytes)} | | JS ≤ 50 KB |`),
    `| Module page, bytes transferred in Chromium (${web.modulePage.requests} requests) | ${kb(web.modulePage.transferredBytes)} | | |`,
    `| AWS cost per 1M submissions | $${cost.submissions.total} | | goal ≤ $3 |`,
    '',
    `Cost breakdown per 1M submissions: HTTP API $${cost.submissions.httpApi}, Lambda requests $${cost.submissions.lambdaRequests}, Lambda compute $${cost.submissions.lambdaCompute} (${cost.memoryMb} MB × billed p50), ` +
      `DynamoDB $${cost.submissions.dynamoDb} (${cost.capacity.writeUnits} WRU + ${cost.capacity.readUnits} RRU per submission as DynamoDB Local reports them; calls: ${cost.capacity.calls.join(', ')}), ` +
      `CloudFront $${cost.submissions.cloudFront} (requests; ${cost.wire.responseBytes + cost.wire.awsAddedResponseHeaderBytes} B out per response: ${cost.wire.responseHeaderBytes} B of headers + ${cost.wire.awsAddedResponseHeaderBytes} B CloudFront/API Gateway add + ${cost.wire.responseBodyBytes} B ${cost.wire.contentEncoding ?? 'uncompressed'} body; ${cost.wire.requestBytes} B per request to the origin). Verification: ${cost.verifications}.`,
    '',
    ...results.budgets.map((budget) => `- ${budget.met ? '✓' : '✗'} ${budget.name}: ${budget.value} (goal ${budget.goal})`),
  ];
  return `${lines.join('\n')}\n`;
}
