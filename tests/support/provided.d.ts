declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local started by the project's global set-up. */
    dynamoEndpoint: string;
    tableName: string;
    /** The local origin (site + API) started for browser tests. */
    baseUrl: string;
  }
}

export {};
