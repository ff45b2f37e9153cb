/**
 * AWS unit prices the cost model uses: us-east-1, on-demand, no free tier, in USD.
 * Recorded 2026-11-23 from AWS's public price lists as the team last knew them; no network was
 * available to re-check them when this file was written, so confirm before quoting a figure.
 */
export const awsPrices = {
  recorded: '2026-11-23',
  region: 'us-east-1',
  httpApiPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoDbPerMillionWriteRequestUnits: 0.625,
  dynamoDbPerMillionReadRequestUnits: 0.125,
  cloudFrontPerMillionHttpsRequests: 1.0,
  cloudFrontPerGbTransferOut: 0.085,
  /** Regional data transfer out to origin: request bodies and headers CloudFront forwards to the API. */
  cloudFrontPerGbToOrigin: 0.02,
} as const;
