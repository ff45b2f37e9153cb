import type { StackInfo } from './local-stack-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local stack a project's global set-up started (DynamoDB Local, OpenID provider, origin). */
    stack: StackInfo;
  }
}

export {};
