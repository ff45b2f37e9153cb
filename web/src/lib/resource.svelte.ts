import { ApiError } from './api';

/** What a page knows of something it loads: still loading, loaded, or failed (and why). */
export type ResourceState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Something a page loads from the API, with the same loading, error and retry behaviour on every
 * page (shown by Loaded.svelte). It loads when first shown (Loaded starts it in the browser, once
 * the role guard around it lets it render, so the session is restored and the token sent), and
 * again on `reload()`; a reload keeps the data shown until the new answer arrives.
 */
export class Resource<T> {
  state = $state<ResourceState<T>>({ status: 'loading' });
  #started = false;

  constructor(private readonly load: () => Promise<T>) {}

  /** Loads it the first time; later calls do nothing (use reload). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    void this.reload();
  }

  get data(): T | undefined {
    return this.state.status === 'ready' ? this.state.data : undefined;
  }

  async reload(): Promise<void> {
    if (this.state.status === 'error') this.state = { status: 'loading' };
    try {
      this.state = { status: 'ready', data: await this.load() };
    } catch (error) {
      this.state = { status: 'error', error };
    }
  }
}

export const resource = <T>(load: () => Promise<T>) => new Resource(load);

/** A reason a page cannot load that is not an API failure, worded for the reader (no organisation chosen, say). */
export class Notice extends Error {}

/**
 * What to tell someone when a load failed, the same on every page: the API's own words where it
 * sent a problem, else what the status means for them.
 */
export function failureMessage(error: unknown, what: string): string {
  if (error instanceof Notice) return error.message;
  if (!(error instanceof ApiError)) return `${what} could not be loaded.`;
  if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
  if (error.status === 401) return 'Your sign-in has expired. Sign in again to continue.';
  if (error.status === 403) return `${what} is not available to your account.`;
  if (error.status === 404) return `There is no ${what.toLowerCase()} at this link that you can see.`;
  return error.problem?.detail ?? `${what} could not be loaded (error ${error.status}). Try again.`;
}
