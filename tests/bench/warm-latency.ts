import type { Hono } from 'hono';
import { bundledBanks } from '../../functions/core/course/bundled-banks';
import type { QuestionBank } from '../../functions/core/course/types';
import { scoreAttempt } from '../../functions/core/quiz/score-attempt';
import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import type { CertificateRecord } from '../../functions/core/certification/types';
import { verifyCertificate } from '../../functions/core/certification/verification';
import { BENCH_MODULE, type BenchRequest } from './events';
import { BROWSER_ACCEPT_ENCODING } from './http-load';
import { percentile, round } from './stats';

export interface Latency {
  calls: number;
  p50: number;
  p99: number;
  unit: 'µs' | 'ms';
}

function summarise(samplesNs: bigint[], unit: 'µs' | 'ms'): Latency {
  const scale = unit === 'µs' ? 1e3 : 1e6;
  const values = samplesNs.map((ns) => Number(ns) / scale);
  return { calls: values.length, p50: round(percentile(values, 50), 3), p99: round(percentile(values, 99), 3), unit };
}

/** A 20-item bank made from the real questions, so scoring cost matches a full-size attempt. */
function twentyItemBank(): QuestionBank {
  const source = bundledBanks.get(BENCH_MODULE)!;
  const questions = Array.from({ length: 20 }, (_, index) => ({ ...source.questions[index % source.questions.length], id: `q${index}` }));
  return { ...source, questions };
}

/** Pure domain: scoring a 20-item attempt, no I/O. */
export function measureScoring(calls: number): Latency {
  const bank = twentyItemBank();
  const answers = bank.questions.map((question) => ({ questionId: question.id, selected: question.correctOptionIds }));
  const served = bank.questions.map((question) => ({ questionId: question.id, optionOrder: question.options.map((option) => option.id) }));
  for (let index = 0; index < 1_000; index += 1) scoreAttempt(bank, served, bank.policy.passMark, answers);
  const samples: bigint[] = [];
  for (let index = 0; index < calls; index += 1) {
    const start = process.hrtime.bigint();
    scoreAttempt(bank, served, bank.policy.passMark, answers);
    samples.push(process.hrtime.bigint() - start);
  }
  return summarise(samples, 'µs');
}

/** Pure domain: a verification lookup (code parsing, status, public view) with the read answered from memory. */
export async function measureVerification(calls: number, record: CertificateRecord): Promise<Latency> {
  const deps = { certificates: { byCode: async () => record }, now: () => new Date() };
  const code = formatCertificateCode(record.code);
  for (let index = 0; index < 1_000; index += 1) await verifyCertificate(deps, code);
  const samples: bigint[] = [];
  for (let index = 0; index < calls; index += 1) {
    const start = process.hrtime.bigint();
    await verifyCertificate(deps, code);
    samples.push(process.hrtime.bigint() - start);
  }
  return summarise(samples, 'µs');
}

/** The whole request in process: routing, token check, validation, domain, storage on DynamoDB Local. */
export async function measureRequests(
  app: { request: Hono['request'] },
  next: () => BenchRequest,
  calls: number,
  expectStatus = 201,
): Promise<Latency> {
  const send = () => {
    const { method = 'POST', path, body, authorization } = next();
    const headers: Record<string, string> = { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...(authorization ? { authorization } : {}) };
    return method === 'GET'
      ? app.request(path, { headers })
      : app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  };
  for (let index = 0; index < 50; index += 1) await send();
  const samples: bigint[] = [];
  for (let index = 0; index < calls; index += 1) {
    const start = process.hrtime.bigint();
    const response = await send();
    await response.arrayBuffer();
    samples.push(process.hrtime.bigint() - start);
    if (response.status !== expectStatus) throw new Error(`${response.url || 'request'} answered ${response.status}`);
  }
  return summarise(samples, 'ms');
}
