import { cpus, totalmem } from 'node:os';
import type { Capacity } from '../support/metered-client';
import type { ColdStart } from './cold-start';
import type { CostPerMillion } from './cost-model';
import type { Load } from './http-load';
import type { PageTransfer } from './page-transfer';
import type { Latency } from './warm-latency';
import type { RouteWeight } from '../support/web-weight';
import type { WireBytes } from './wire-bytes';
import type { PdfMeasurement } from '../support/pdf/measure';
import { round } from './stats';

export interface BenchResults {
  ranAt: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string };
  bundles: Record<string, { bytes: number; gzipBytes: number; ratioToFloor: number }>;
  coldStart: Record<'quiz' | 'floor' | 'verification' | 'floorRead', ColdStart> & { ratio: number; verificationRatio: number };
  warm: {
    scoring20Items: Latency;
    submitWithStorage: Latency;
    floorWithStorage: Latency;
    verificationPure: Latency;
    verifyWithStorage: Latency;
    floorReadWithStorage: Latency;
  };
  load: {
    quiz: Load;
    floor: Load;
    throughputRatio: number;
    storedAttempts: number;
    quiz2xx: number;
    storedFloorItems: number;
    floor2xx: number;
    verification: Load;
    floorRead: Load;
    verificationThroughputRatio: number;
    /** Ours ÷ floor within each reported round, in order: how much the ratio moves with the machine. */
    roundRatios: number[];
    verificationRoundRatios: number[];
  };
  web: { routes: RouteWeight[]; modulePage: PageTransfer };
  /** The printable certificate, generated as the browser does (fonts cached after the first). */
  pdf: Record<'floor' | 'typical' | 'chineseName' | 'revokedArabicName', PdfMeasurement>;
  cost: {
    submissions: CostPerMillion;
    verifications: CostPerMillion;
    memoryMb: number;
    verificationMemoryMb: number;
    capacity: Capacity;
    verificationCapacity: Capacity;
    wire: WireBytes & { awsAddedResponseHeaderBytes: number };
    verificationWire: WireBytes & { awsAddedResponseHeaderBytes: number };
  };
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
      .map(([name, size]) =>
        row(
          `Bundle \`${name}\` (min / gzip)`,
          `${kb(size.bytes)} / ${kb(size.gzipBytes)}`,
          `${kb(bundles.floor.bytes)} / ${kb(bundles.floor.gzipBytes)}`,
          `${size.ratioToFloor} (≤ 1.25)`,
        ),
      ),
    row(
      `Cold start of a submission, import + first request (median / p90, ${coldStart.quiz.runs} runs)`,
      `${coldStart.quiz.medianMs} / ${coldStart.quiz.p90Ms} ms`,
      `${coldStart.floor.medianMs} / ${coldStart.floor.p90Ms} ms`,
      `${coldStart.ratio} (goal ≤ 1.2)`,
    ),
    row(
      `Cold start of a verification (median / p90, ${coldStart.verification.runs} runs)`,
      `${coldStart.verification.medianMs} / ${coldStart.verification.p90Ms} ms`,
      `${coldStart.floorRead.medianMs} / ${coldStart.floorRead.p90Ms} ms`,
      `${coldStart.verificationRatio} (goal ≤ 1.2)`,
    ),
    `| Scoring a 20-item attempt, pure (p50 / p99, ${warm.scoring20Items.calls} calls) | ${warm.scoring20Items.p50} / ${warm.scoring20Items.p99} µs | | |`,
    `| Verification lookup, pure (p50 / p99, ${warm.verificationPure.calls} calls) | ${warm.verificationPure.p50} / ${warm.verificationPure.p99} µs | | |`,
    row(
      `Submit in process incl. DynamoDB Local (p50 / p99, ${warm.submitWithStorage.calls} calls)`,
      `${warm.submitWithStorage.p50} / ${warm.submitWithStorage.p99} ms`,
      `${warm.floorWithStorage.p50} / ${warm.floorWithStorage.p99} ms`,
      '',
    ),
    row(
      `Verify in process incl. DynamoDB Local (p50 / p99, ${warm.verifyWithStorage.calls} calls)`,
      `${warm.verifyWithStorage.p50} / ${warm.verifyWithStorage.p99} ms`,
      `${warm.floorReadWithStorage.p50} / ${warm.floorReadWithStorage.p99} ms`,
      '',
    ),
    ...loadRows('submissions', load.quiz, load.floor, load.throughputRatio, load.roundRatios, cost.memoryMb),
    ...loadRows(
      'verifications',
      load.verification,
      load.floorRead,
      load.verificationThroughputRatio,
      load.verificationRoundRatios,
      cost.verificationMemoryMb,
    ),
    row(
      'Stored items vs 2xx responses, all submission rounds',
      `${load.storedAttempts} / ${load.quiz2xx}`,
      `${load.storedFloorItems} / ${load.floor2xx}`,
      'must be equal',
    ),
    ...web.routes.map(
      (route) =>
        `| Web \`${route.route}\` first-load JS / CSS (gzip) | ${kb(route.jsGzipBytes)} / ${kb(route.cssGzipBytes)} | | JS ≤ 50 KB |`,
    ),
    `| Module page, bytes transferred in Chromium (${web.modulePage.requests} requests) | ${kb(web.modulePage.transferredBytes)} | | |`,
    ...(
      [
        ['typical', 'typical'],
        ['chineseName', 'Chinese name (CJK subsets)'],
        ['revokedArabicName', 'revoked, Arabic name'],
      ] as const
    ).map(([key, what]) =>
      row(
        `Printable certificate PDF, ${what} (first / median / p95; size)`,
        `${results.pdf[key].firstMs} / ${results.pdf[key].medianMs} / ${results.pdf[key].p95Ms} ms; ${kb(results.pdf[key].bytes)}`,
        `${results.pdf.floor.firstMs} / ${results.pdf.floor.medianMs} / ${results.pdf.floor.p95Ms} ms; ${kb(results.pdf.floor.bytes)}`,
        'size ≤ 100 KB',
      ),
    ),
    `| AWS cost per 1M submissions | $${cost.submissions.total} | | goal ≤ $3 |`,
    `| AWS cost per 1M verifications | $${cost.verifications.total} | | |`,
    '',
    costBreakdown('submission', cost.submissions, cost.memoryMb, cost.capacity, cost.wire),
    '',
    costBreakdown('verification', cost.verifications, cost.verificationMemoryMb, cost.verificationCapacity, cost.verificationWire),
    '',
    ...results.budgets.map((budget) => `- ${budget.met ? '✓' : '✗'} ${budget.name}: ${budget.value} (goal ${budget.goal})`),
  ];
  return `${lines.join('\n')}\n`;
}

/** One row of the Markdown table. */
const row = (...cells: string[]) => `| ${cells.join(' | ')} |`;

function loadRows(what: string, ours: Load, floor: Load, ratio: number, pairedRatios: number[], memoryMb: number): string[] {
  return [
    row(
      `HTTP load, median of ${pairedRatios.length} rounds × ${ours.requests} ${what} (req/s; p50 / p99)`,
      `${ours.requestsPerSecond}; ${ours.p50Ms} / ${ours.p99Ms} ms`,
      `${floor.requestsPerSecond}; ${floor.p50Ms} / ${floor.p99Ms} ms`,
      `${ratio} (goal ≥ 0.8)`,
    ),
    `| Throughput ÷ floor of each round, ${what} (ours and the floor back to back) | ${pairedRatios.join(', ')} | | |`,
    `| Errors under load, ${what}, median round (non-2xx + errors) | ${ours.non2xx + ours.errors} | ${floor.non2xx + floor.errors} | goal 0 |`,
    `| Server CPU time per request, ${what} | ${ours.cpuMsPerRequest} ms | ${floor.cpuMsPerRequest} ms | |`,
    `| DynamoDB Local CPU time per request, ${what} (same 2 cores) | ${ours.dynamoDbCpuMsPerRequest} ms | ${floor.dynamoDbCpuMsPerRequest} ms | |`,
    `| Peak RSS under load, ${what} (all rounds) | ${ours.peakRssMb} MB | ${floor.peakRssMb} MB | Lambda memory ${memoryMb} MB |`,
  ];
}

function costBreakdown(
  what: string,
  cost: CostPerMillion,
  memoryMb: number,
  capacity: Capacity,
  wire: WireBytes & { awsAddedResponseHeaderBytes: number },
): string {
  return (
    `Cost breakdown per 1M ${what}s: HTTP API $${cost.httpApi}, Lambda requests $${cost.lambdaRequests}, ` +
    `Lambda compute $${cost.lambdaCompute} (${memoryMb} MB × billed p50), ` +
    `DynamoDB $${cost.dynamoDb} (${capacity.writeUnits} WRU + ${capacity.readUnits} RRU per ${what} as DynamoDB Local reports them; ` +
    `calls: ${capacity.calls.join(', ')}), ` +
    `CloudFront $${cost.cloudFront} (requests; ${wire.responseBytes + wire.awsAddedResponseHeaderBytes} B out per response: ` +
    `${wire.responseHeaderBytes} B of headers + ${wire.awsAddedResponseHeaderBytes} B CloudFront/API Gateway add + ` +
    `${wire.responseBodyBytes} B ${wire.contentEncoding ?? 'uncompressed'} body; ${wire.requestBytes} B per request to the origin).`
  );
}
