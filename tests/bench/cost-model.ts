import { awsPrices } from './aws-prices';
import { round } from './stats';

/** What one request costs to serve, as measured. */
export interface RequestProfile {
  /** Billed Lambda duration per request (ms, rounded up as Lambda bills). */
  durationMs: number;
  memoryMb: number;
  writeUnits: number;
  readUnits: number;
  /** What CloudFront sends the viewer: status line, headers and body as encoded. */
  responseBytes: number;
  /** What CloudFront forwards to the API: the viewer's request line, headers and body. */
  requestBytes: number;
}

/**
 * Response headers CloudFront and API Gateway add in AWS, which the local origin does not: sample
 * values of the usual length, so the bytes per response are not understated.
 */
export const AWS_ADDED_RESPONSE_HEADERS = [
  'via: 1.1 0a1b2c3d4e5f60718293a4b5c6d7e8f9.cloudfront.net (CloudFront)',
  'x-cache: Miss from cloudfront',
  'x-amz-cf-pop: FRA56-P4',
  'x-amz-cf-id: 0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a==',
  'apigw-requestid: Ab1Cd2Ef3Gh4Ij5=',
].reduce((bytes, line) => bytes + line.length + 2, 0);

export interface CostPerMillion {
  httpApi: number;
  lambdaRequests: number;
  lambdaCompute: number;
  dynamoDb: number;
  cloudFront: number;
  total: number;
}

/** AWS cost of one million requests with the given profile. */
export function costPerMillion(profile: RequestProfile): CostPerMillion {
  const million = 1_000_000;
  const gbSeconds = (profile.memoryMb / 1024) * (Math.ceil(profile.durationMs) / 1000) * million;
  const parts = {
    httpApi: awsPrices.httpApiPerMillionRequests,
    lambdaRequests: awsPrices.lambdaPerMillionRequests,
    lambdaCompute: gbSeconds * awsPrices.lambdaArmPerGbSecond,
    dynamoDb:
      profile.writeUnits * awsPrices.dynamoDbPerMillionWriteRequestUnits + profile.readUnits * awsPrices.dynamoDbPerMillionReadRequestUnits,
    cloudFront:
      awsPrices.cloudFrontPerMillionHttpsRequests +
      ((profile.responseBytes * million) / 1024 ** 3) * awsPrices.cloudFrontPerGbTransferOut +
      ((profile.requestBytes * million) / 1024 ** 3) * awsPrices.cloudFrontPerGbToOrigin,
  };
  const total = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(Object.entries({ ...parts, total }).map(([key, value]) => [key, round(value, 3)])) as unknown as CostPerMillion;
}
