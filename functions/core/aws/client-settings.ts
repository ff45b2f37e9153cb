/**
 * How long any AWS SDK call (DynamoDB, Cognito) may take. Without these the SDK waits on a
 * stalled connection for as long as the socket stays open: with DynamoDB paused, requests hung
 * and their writes completed later, unseen by the callers. With them, a stalled service fails
 * like a dead one (503 with Retry-After), well inside every function's timeout, and the caller's
 * retry is safe because every write is idempotent or conditional.
 */
export const AWS_CALL_LIMITS = {
  /** Establishing a TCP (and TLS) connection. */
  connectionTimeoutMs: 1_000,
  /** A connected request with no answer, or a socket idle this long. */
  requestTimeoutMs: 2_000,
  /** One retry: a single dropped connection or throttle is absorbed, a stall is not waited out twice over. */
  maxAttempts: 2,
  /** The SDK's standard back-off before the retry is at most this (jittered, 100 ms base). */
  retryDelayCeilingMs: 200,
} as const;

/** The longest one AWS call can take before it fails: every attempt timing out, and the back-off between them. */
export const WORST_CASE_AWS_CALL_MS =
  AWS_CALL_LIMITS.maxAttempts * (AWS_CALL_LIMITS.connectionTimeoutMs + AWS_CALL_LIMITS.requestTimeoutMs) +
  (AWS_CALL_LIMITS.maxAttempts - 1) * AWS_CALL_LIMITS.retryDelayCeilingMs;

/** Settings for every SDK client the functions create. */
export const awsClientSettings = () => ({
  maxAttempts: AWS_CALL_LIMITS.maxAttempts,
  requestHandler: {
    connectionTimeout: AWS_CALL_LIMITS.connectionTimeoutMs,
    requestTimeout: AWS_CALL_LIMITS.requestTimeoutMs,
    // Without this, smithy's handler only logs a warning when requestTimeout passes and waits on.
    throwOnRequestTimeout: true,
  },
});
