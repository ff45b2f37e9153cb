/**
 * `npm run bench`: speed, size, memory and cost, each next to a floor measured in the same run.
 * Builds what it needs, starts DynamoDB Local and the servers, prints a progress line per step,
 * writes results/latest.json and results/latest.md, and stops everything it started.
 */
import { execSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { QUESTION_BANKS_DIR, QUESTION_BANKS_PATH } from '../../functions/core/course/paths';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAttemptStore } from '../../functions/core/store/dynamo-attempt-store';
import { DynamoCertificateLookup } from '../../functions/core/store/dynamo-certificate-lookup';
import { DynamoCertificationStore } from '../../functions/core/store/dynamo-certification-store';
import { DynamoPeopleStore } from '../../functions/core/store/dynamo-people-store';
import { createQuizApp } from '../../functions/quiz/app';
import { quizDepsFromEnv } from '../../functions/quiz/deps-from-env';
import { createVerificationApp } from '../../functions/verification/app';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { FUNCTIONS } from '../../infra/api';
import { SITE_BUILD_DIR } from '../../infra/site';
import { bundle, FLOOR_ENTRY, functionEntry, SIZE_BUDGET_RATIO } from '../support/bundle';
import { sampleCertificate } from '../support/sample-certificate';
import { floorReadEach, issueSampleCertificates, verifyEach } from './certificates';
import { measureColdStarts } from './cold-start';
import { meteredClient } from '../support/metered-client';
import { AWS_ADDED_RESPONSE_HEADERS, costPerMillion } from './cost-model';
import { countItems } from './count-items';
import { BENCH_MODULE, preIssueAttempts, submissionPath, submitEach, withMistakes, type BenchRequest } from './events';
import { bundledBanks } from '../../functions/core/course/bundled-banks';
import { freePort } from '../../infra/local/preflight';
import { load, LOAD, startServer, type Load } from './http-load';
import { measurePageTransfer } from './page-transfer';
import { machine, toMarkdown, type BenchResults } from './report';
import { round } from './stats';
import { measureCertificatePdf } from '../support/pdf/measure';
import { signInBenchTrainees } from './trainees';
import { measureRequests, measureScoring, measureVerification } from './warm-latency';
import { JS_BUDGET_GZIP_BYTES, routeWeights } from '../support/web-weight';
import { exchange } from './wire-bytes';

const COLD_START_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 25);
const WARM_CALLS = Number(process.env.BENCH_WARM_CALLS ?? 2_000);
const SCORING_CALLS = 20_000;
const TABLE = 'cit-bench';
/**
 * A typical submission passes at the pass mark: as many mistakes as the draw allows and still
 * passes (two of ten at 80%). The cost model prices that one.
 */
const BENCH_POLICY = bundledBanks.get(BENCH_MODULE)!.policy;
const TYPICAL_MISTAKES = Math.floor(BENCH_POLICY.drawSize * (1 - BENCH_POLICY.passMark) + 1e-9);
/** Distinct certificates the verification load cycles through. */
const SAMPLE_CERTIFICATES = 500;
/** Trainees whose attempts the submission load spreads over. */
const BENCH_TRAINEES = 100;
const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

const STEPS = 9;
let stepNumber = 0;
const step = (message: string) => console.log(`[${++stepNumber}/${STEPS}] ${message}`);
const note = (message: string) => console.log(`      ${message}`);

const workDir = mkdtempSync(join(tmpdir(), 'cit-bench-'));
const children: ChildProcess[] = [];
let stack: LocalStack | undefined;

async function main() {
  const started = Date.now();
  step('building course banks and web app…');
  execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });

  step('bundling functions, floor and servers with the CDK esbuild settings…');
  const write = async (name: string, entry: string) => {
    const result = await bundle(entry);
    const path = join(workDir, `${name}.mjs`);
    writeFileSync(path, result.code);
    return { ...result, path };
  };
  const floorBundle = await write('floor', FLOOR_ENTRY);
  const quizBundle = await write('quiz', functionEntry('quiz'));
  // The quiz function reads its question banks as data beside its bundle, as in its Lambda package.
  cpSync(QUESTION_BANKS_DIR, join(workDir, QUESTION_BANKS_PATH), { recursive: true });
  const certificationBundle = await write('certification', functionEntry('certification'));
  const verificationBundle = await write('verification', functionEntry('verification'));
  const server = (name: string) => write(`${name}-server`, fileURLToPath(new URL(`./servers/${name}-server.ts`, import.meta.url)));
  const servers = { quiz: await server('quiz'), verification: await server('verification'), floor: await server('floor') };
  const sized = (built: { bytes: number; gzipBytes: number }) => ({
    bytes: built.bytes,
    gzipBytes: built.gzipBytes,
    ratioToFloor: round(built.bytes / floorBundle.bytes, 3),
  });
  const bundles = {
    quiz: sized(quizBundle),
    certification: sized(certificationBundle),
    verification: sized(verificationBundle),
    floor: sized(floorBundle),
  };
  note(
    `floor ${floorBundle.bytes} B; ratios: quiz ${bundles.quiz.ratioToFloor}, ` +
      `certification ${bundles.certification.ratioToFloor}, verification ${bundles.verification.ratioToFloor}`,
  );

  step(`starting the local stack (DynamoDB Local, OpenID provider, demo accounts) and signing ${BENCH_TRAINEES} trainees in…`);
  stack = await startLocalStack({ port: 0, dynamoDbPort: 0, identityProviderPort: 0, tableName: TABLE });
  const trainees = await signInBenchTrainees(stack, BENCH_TRAINEES);
  const env = { ...process.env, ...stack.functionEnv, AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1' };
  // The harness's own reads and writes (pre-issuing attempts, counting what was stored): not what is measured,
  // so not held to the functions' 2 s request timeout, which a full-table Scan of a busy DynamoDB Local can pass.
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'us-east-1',
      endpoint: stack.dynamoEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler: { requestTimeout: 60_000 },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const loadRequests = (LOAD.rounds + 1) * (LOAD.warmUp + LOAD.amount);
  // Warm latency also sends 50 unmeasured requests first; the cost step submits two samples.
  const toIssue = COLD_START_RUNS + WARM_CALLS + 50 + loadRequests + 2;
  note(`pre-issuing ${toIssue} attempts to submit…`);
  const open = await preIssueAttempts(client, TABLE, trainees, toIssue);
  let floorSequence = 0;
  const floorRequest = (): BenchRequest => ({
    path: '/floor/attempts',
    body: { attemptId: `floor-${(floorSequence += 1)}`, ...open[0].body },
  });
  note(`issuing ${SAMPLE_CERTIFICATES} certificates to verify…`);
  const codes = await issueSampleCertificates(new DynamoCertificationStore(client, TABLE), SAMPLE_CERTIFICATES);

  step(
    `cold starts: ${COLD_START_RUNS} fresh processes each, interleaved ` +
      "(a submission verifies the token with the issuer's keys pinned, as deployed; a verification is public)…",
  );
  const cold = await measureColdStarts(
    [
      { name: 'quiz', path: quizBundle.path, event: submitEach(open), expectStatus: 201 },
      { name: 'floor', path: floorBundle.path, event: floorRequest, expectStatus: 201 },
      { name: 'verification', path: verificationBundle.path, event: verifyEach(codes), expectStatus: 200 },
      { name: 'floorRead', path: floorBundle.path, event: floorReadEach(codes), expectStatus: 200 },
    ],
    COLD_START_RUNS,
    env,
    workDir,
    (done) => done % 5 === 0 && note(`${done}/${COLD_START_RUNS} runs`),
  );
  const coldStart = {
    ...cold,
    ratio: round(cold.quiz.medianMs / cold.floor.medianMs, 3),
    verificationRatio: round(cold.verification.medianMs / cold.floorRead.medianMs, 3),
  } as BenchResults['coldStart'];

  step(
    `warm latency: scoring and verification ×${SCORING_CALLS} (pure), submissions and verifications with storage ×${WARM_CALLS} (ours and floor)…`,
  );
  Object.assign(process.env, stack.functionEnv);
  const quizApp = stack.apps.quiz;
  const { app: floorApp } = await import('../support/floor/handler');
  const warm = {
    scoring20Items: measureScoring(SCORING_CALLS),
    submitWithStorage: await measureRequests(quizApp, submitEach(open), WARM_CALLS),
    floorWithStorage: await measureRequests(floorApp, floorRequest, WARM_CALLS),
    verificationPure: await measureVerification(SCORING_CALLS, sampleCertificate()),
    verifyWithStorage: await measureRequests(stack.apps.verification, verifyEach(codes), WARM_CALLS, 200),
    floorReadWithStorage: await measureRequests(floorApp, floorReadEach(codes), WARM_CALLS, 200),
  };

  step(
    `HTTP load with autocannon: per operation, ${LOAD.rounds} interleaved rounds (after a settling round) ` +
      `of ${LOAD.amount} requests (after ${LOAD.warmUp} warm-up), ${LOAD.connections} connections…`,
  );
  const attemptsBefore = await countItems(client, TABLE, 'Attempt', true);
  const floorBefore = await countItems(client, TABLE, 'Floor');
  const runLoad = async (serverPath: string, next: () => BenchRequest) => {
    const port = await freePort();
    const child = await startServer(serverPath, { ...env, PORT: String(port) });
    children.push(child);
    const result = await load(`http://127.0.0.1:${port}`, { server: child.pid!, dynamoDb: stack!.dynamoDbPid! }, next);
    child.kill();
    return result;
  };
  const submissions = await loadRounds(
    'submission',
    () => runLoad(servers.quiz.path, submitEach(open)),
    () => runLoad(servers.floor.path, floorRequest),
  );
  const verifications = await loadRounds(
    'verification',
    () => runLoad(servers.verification.path, verifyEach(codes)),
    () => runLoad(servers.floor.path, floorReadEach(codes)),
  );
  const storedAttempts = (await countItems(client, TABLE, 'Attempt', true)) - attemptsBefore;
  const storedFloorItems = (await countItems(client, TABLE, 'Floor')) - floorBefore;
  note(`stored ${storedAttempts} attempts for ${submissions.ours2xx} 2xx responses (warm-up included)`);

  step('web weight per route, and the module page in Chromium…');
  const web = {
    routes: routeWeights(SITE_BUILD_DIR),
    modulePage: await measurePageTransfer(`${stack.webUrl}/courses/mechanism-of-action`),
  };

  step('printable certificate PDF: 20 generations each (typical, Chinese name, revoked with an Arabic name) and the floor…');
  const pdf = await measureCertificatePdf(20);
  note(`typical ${pdf.typical.medianMs} ms median, ${pdf.typical.bytes} B; floor ${pdf.floor.medianMs} ms, ${pdf.floor.bytes} B`);

  step('cost model from the measured figures…');
  // A typical submission passes at the pass mark with two questions missed (feedback explains
  // those two). Capacity as DynamoDB Local reports it, through a metered client.
  const metered = meteredClient(stack.dynamoEndpoint, TABLE);
  const meteredApp = createQuizApp({
    ...quizDepsFromEnv(env),
    attempts: new DynamoAttemptStore(metered.client, TABLE),
    people: new DynamoPeopleStore(metered.client, TABLE),
  });
  const measuredSample = open.pop()!;
  const meteredResponse = await meteredApp.request(submissionPath(measuredSample.attemptId), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: measuredSample.authorization },
    body: JSON.stringify(withMistakes(measuredSample.body, TYPICAL_MISTAKES)),
  });
  if (meteredResponse.status !== 201) throw new Error(`the metered submission answered ${meteredResponse.status}`);
  const capacity = metered.take();
  // Bytes each way through the local origin (the CloudFront stand-in), as a browser exchanges them.
  const sample = open.pop()!;
  const wire = await exchange(
    `${stack.webUrl}${submissionPath(sample.attemptId)}`,
    'POST',
    { 'content-type': 'application/json', authorization: sample.authorization },
    JSON.stringify(withMistakes(sample.body, TYPICAL_MISTAKES)),
  );
  if (wire.status !== 201) throw new Error(`the sample submission answered ${wire.status}`);
  const responseBytes = wire.responseBytes + AWS_ADDED_RESPONSE_HEADERS;
  // A verification: one certificate read, as DynamoDB Local meters it and as it crosses the wire.
  const meteredVerification = createVerificationApp({
    certificates: new DynamoCertificateLookup(metered.client, TABLE),
    now: () => new Date(),
  });
  const verificationPath = verifyEach(codes)().path;
  if ((await meteredVerification.request(verificationPath)).status !== 200) throw new Error('the metered verification failed');
  const verificationCapacity = metered.take();
  const verificationWire = await exchange(`${stack.webUrl}${verificationPath}`, 'GET', {});
  if (verificationWire.status !== 200) throw new Error(`the sample verification answered ${verificationWire.status}`);
  const cost = {
    submissions: costPerMillion({
      durationMs: warm.submitWithStorage.p50,
      memoryMb: FUNCTIONS.quiz.memoryMb,
      writeUnits: capacity.writeUnits,
      readUnits: capacity.readUnits,
      responseBytes,
      requestBytes: wire.requestBytes,
    }),
    verifications: costPerMillion({
      durationMs: warm.verifyWithStorage.p50,
      memoryMb: FUNCTIONS.verification.memoryMb,
      writeUnits: verificationCapacity.writeUnits,
      readUnits: verificationCapacity.readUnits,
      responseBytes: verificationWire.responseBytes + AWS_ADDED_RESPONSE_HEADERS,
      requestBytes: verificationWire.requestBytes,
    }),
    memoryMb: FUNCTIONS.quiz.memoryMb,
    verificationMemoryMb: FUNCTIONS.verification.memoryMb,
    capacity,
    verificationCapacity,
    wire: { ...wire, awsAddedResponseHeaderBytes: AWS_ADDED_RESPONSE_HEADERS },
    verificationWire: { ...verificationWire, awsAddedResponseHeaderBytes: AWS_ADDED_RESPONSE_HEADERS },
  };

  step('writing results…');
  const maxJs = Math.max(...web.routes.map((route) => route.jsGzipBytes));
  const results: BenchResults = {
    ranAt: new Date().toISOString(),
    machine: machine(),
    bundles,
    coldStart,
    warm,
    load: {
      quiz: submissions.ours,
      floor: submissions.floor,
      throughputRatio: submissions.ratio,
      storedAttempts,
      quiz2xx: submissions.ours2xx,
      storedFloorItems,
      floor2xx: submissions.floor2xx,
      verification: verifications.ours,
      floorRead: verifications.floor,
      verificationThroughputRatio: verifications.ratio,
      roundRatios: submissions.roundRatios,
      verificationRoundRatios: verifications.roundRatios,
    },
    web,
    pdf,
    cost,
    budgets: [
      ...(['quiz', 'certification', 'verification'] as const).map((name) => ({
        name: `bundle size ÷ floor (${name})`,
        value: String(bundles[name].ratioToFloor),
        goal: `≤ ${SIZE_BUDGET_RATIO}`,
        met: bundles[name].ratioToFloor <= SIZE_BUDGET_RATIO,
      })),
      {
        name: 'printable certificate PDF size (largest of typical, Chinese name, revoked Arabic name)',
        value: `${round(Math.max(pdf.typical.bytes, pdf.chineseName.bytes, pdf.revokedArabicName.bytes) / 1024, 1)} KB`,
        goal: '≤ 100 KB',
        met: Math.max(pdf.typical.bytes, pdf.chineseName.bytes, pdf.revokedArabicName.bytes) <= 100_000,
      },
      { name: 'cold start median ÷ floor (submission)', value: String(coldStart.ratio), goal: '≤ 1.2', met: coldStart.ratio <= 1.2 },
      {
        name: 'cold start median ÷ floor (verification)',
        value: String(coldStart.verificationRatio),
        goal: '≤ 1.2',
        met: coldStart.verificationRatio <= 1.2,
      },
      { name: 'throughput ÷ floor (submission)', value: String(submissions.ratio), goal: '≥ 0.8', met: submissions.ratio >= 0.8 },
      { name: 'throughput ÷ floor (verification)', value: String(verifications.ratio), goal: '≥ 0.8', met: verifications.ratio >= 0.8 },
      {
        name: 'errors under load (all rounds, both operations)',
        value: String(submissions.errors + verifications.errors),
        goal: '0',
        met: submissions.errors + verifications.errors === 0,
      },
      {
        name: 'stored attempts = 2xx responses',
        value: `${storedAttempts} / ${submissions.ours2xx}`,
        goal: 'equal',
        met: storedAttempts === submissions.ours2xx,
      },
      {
        name: 'largest first-load JS (gzip)',
        value: `${round(maxJs / 1024, 1)} KB`,
        goal: `≤ ${JS_BUDGET_GZIP_BYTES / 1024} KB`,
        met: maxJs <= JS_BUDGET_GZIP_BYTES,
      },
      { name: 'cost per 1M submissions', value: `$${cost.submissions.total}`, goal: '≤ $3', met: cost.submissions.total <= 3 },
    ],
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = toMarkdown(results);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  console.log(`Done in ${round((Date.now() - started) / 1000, 1)} s; results in tests/bench/results/latest.{json,md}.`);
}

/**
 * Rounds of load on ours and the floor: round 0 settles DynamoDB Local's JIT for the operation
 * and is not reported; then who goes first alternates, so neither side always benefits from
 * what warmed up before it. Reports the median round of each and the 2xx and errors of all.
 */
async function loadRounds(
  label: string,
  ours: () => Promise<Load & { warmUp2xx: number }>,
  floor: () => Promise<Load & { warmUp2xx: number }>,
) {
  const rounds = { ours: [] as (Load & { warmUp2xx: number })[], floor: [] as (Load & { warmUp2xx: number })[] };
  const settling = { ours: [] as typeof rounds.ours, floor: [] as typeof rounds.floor };
  for (let index = 0; index <= LOAD.rounds; index += 1) {
    const order = index % 2 === 1 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const);
    const into = index === 0 ? settling : rounds;
    for (const side of order) into[side].push(side === 'ours' ? await ours() : await floor());
    const roundName = index === 0 ? 'settling round (not reported)' : `round ${index}`;
    note(`${label} ${roundName}: ours ${into.ours.at(-1)!.requestsPerSecond} req/s, floor ${into.floor.at(-1)!.requestsPerSecond} req/s`);
  }
  const sum2xx = (list: typeof rounds.ours) => list.reduce((total, run) => total + run.status2xx + run.warmUp2xx, 0);
  const oursMedian = medianRound(rounds.ours);
  const floorMedian = medianRound(rounds.floor);
  return {
    ours: oursMedian,
    floor: floorMedian,
    ratio: round(oursMedian.requestsPerSecond / floorMedian.requestsPerSecond, 3),
    ours2xx: sum2xx([...settling.ours, ...rounds.ours]),
    floor2xx: sum2xx([...settling.floor, ...rounds.floor]),
    errors: errorsIn([...settling.ours, ...rounds.ours]),
    roundRatios: rounds.ours.map((run, index) => round(run.requestsPerSecond / rounds.floor[index].requestsPerSecond, 3)),
  };
}

/** The round with the median throughput; peak RSS is the highest of all rounds. */
function medianRound<T extends { requestsPerSecond: number; peakRssMb: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return { ...sorted[Math.floor(sorted.length / 2)], peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}

const errorsIn = (runs: { non2xx: number; errors: number }[]) => runs.reduce((total, run) => total + run.non2xx + run.errors, 0);

async function stopEverything() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await stack?.stop();
  rmSync(workDir, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  await stopEverything();
}
