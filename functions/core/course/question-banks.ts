import type { QuestionBank } from './types';

/**
 * The question banks by module id. A Map, not a plain object: a module id comes from the request
 * path, and a plain object's lookup of `constructor` or `__proto__` reaches Object.prototype.
 * Each bank is loaded the first time it is asked for (see bundled-banks.ts).
 */
export class QuestionBanks {
  private readonly loaders: ReadonlyMap<string, () => QuestionBank>;

  constructor(loaders: Iterable<readonly [moduleId: string, load: () => QuestionBank]>) {
    this.loaders = new Map(loaders);
  }

  /** Banks already in memory (tests, the course build). */
  static of(banks: Iterable<QuestionBank>): QuestionBanks {
    return new QuestionBanks([...banks].map((bank) => [bank.moduleId, () => bank] as const));
  }

  get(moduleId: string): QuestionBank | undefined {
    return this.loaders.get(moduleId)?.();
  }

  has(moduleId: string): boolean {
    return this.loaders.has(moduleId);
  }

  get moduleIds(): string[] {
    return [...this.loaders.keys()];
  }

  /** Every bank, in course order. */
  all(): QuestionBank[] {
    return [...this.loaders.values()].map((load) => load()).sort((a, b) => a.order - b.order);
  }

  /** The same banks with one replaced (a test's edited content version, say). */
  with(bank: QuestionBank): QuestionBanks {
    return new QuestionBanks([...this.loaders, [bank.moduleId, () => bank] as const]);
  }
}
