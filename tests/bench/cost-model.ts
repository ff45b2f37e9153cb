import { awsPrices } from './aws-prices';
import { round } from './stats';

/** What one request costs to serve, as measured. */
export interface RequestProfile {
  /** Billed Lambda duration per request (ms, rounded up as Lambda bills). */
  durationMs: number;
  memoryMb: number;
  writeUnits: number;
  readUnits: number;
  responseBytes: number;
}

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
    cloudFront: awsPrices.cloudFrontPerMillionHttpsRequests + ((profile.responseBytes * million) / 1024 ** 3) * awsPrices.cloudFrontPerGbTransferOut,
  };
  const total = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(Object.entries({ ...parts, total }).map(([key, value]) => [key, round(value, 3)])) as unknown as CostPerMillion;
}
