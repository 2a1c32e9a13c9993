import { type ArtifactStore, ObjectNotFoundError, ObjectTooLargeError } from './types.js';

const CALLS = ['put', 'get', 'head', 'copy', 'move', 'delete', 'list', 'signedUrl', 'init'] as const;

/**
 * Reports every failed call of `store` to `onError` with the operation's name, except the two failures that are the
 * caller's (a missing object, an upload over the limit). The instance's own methods are wrapped rather than the store
 * put behind a decorator, so that code which asks which driver it has (`instanceof`) still gets its answer.
 */
export function observeStoreErrors(store: ArtifactStore, onError: (operation: string) => void): void {
  const methods = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of CALLS) {
    const call = methods[name]?.bind(store);
    if (!call) continue;
    methods[name] = (...args) =>
      call(...args).catch((err: unknown) => {
        if (!(err instanceof ObjectNotFoundError) && !(err instanceof ObjectTooLargeError)) onError(name);
        throw err;
      });
  }
}
