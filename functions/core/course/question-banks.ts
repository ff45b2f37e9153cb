import type { QuestionBank } from './types';

/**
 * The question banks by module id. A Map, not a plain object: a module id comes from the request
 * path, and a plain object's lookup of `constructor` or `__proto__` reaches Object.prototype.
 * Each bank is loaded the first time it is asked for (see bundled-banks.ts).
 */
export class QuestionBanks {
  private readonly loaders: ReadonlyMap<string, () => QuestionBank>;
  /** Earlier versions by `moduleId@contentVersion`: attempts drawn from them are reviewed from them. */
  private readonly archived: ReadonlyMap<string, () => QuestionBank>;

  constructor(
    loaders: Iterable<readonly [moduleId: string, load: () => QuestionBank]>,
    archived: Iterable<readonly [key: string, load: () => QuestionBank]> = [],
  ) {
    this.loaders = new Map(loaders);
    this.archived = new Map(archived);
  }

  /** Banks already in memory (tests, the course build). */
  static of(banks: Iterable<QuestionBank>, archived: Iterable<QuestionBank> = []): QuestionBanks {
    return new QuestionBanks(
      [...banks].map((bank) => [bank.moduleId, () => bank] as const),
      [...archived].map((bank) => [`${bank.moduleId}@${bank.contentVersion}`, () => bank] as const),
    );
  }

  /** A module's current bank. */
  get(moduleId: string): QuestionBank | undefined {
    return this.loaders.get(moduleId)?.();
  }

  /** The bank an attempt was drawn from: the current one, or an archived earlier version. */
  version(moduleId: string, contentVersion: string): QuestionBank | undefined {
    const current = this.get(moduleId);
    return current?.contentVersion === contentVersion ? current : this.archived.get(`${moduleId}@${contentVersion}`)?.();
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
    return new QuestionBanks([...this.loaders, [bank.moduleId, () => bank] as const], this.archived);
  }
}
