/**
 * Skips values of a live iterator that fail an async check (e.g. "may this subscriber see the
 * dossier?", which needs a read). Written by hand, not as an async generator: a generator suspended in
 * `await source.next()` cannot be returned until the next value comes, and a quiet stream would keep
 * an unsubscribed reader alive; here `return()` reaches the source at once.
 */
export function filterIterator<T, U = T>(
  source: AsyncIterator<T>,
  map: (value: T) => Promise<U | undefined> | U | undefined,
): AsyncIterableIterator<U> {
  let done = false;
  const finish = async (): Promise<IteratorResult<U>> => {
    if (!done) {
      done = true;
      await source.return?.();
    }
    return { value: undefined, done: true };
  };
  return {
    async next() {
      while (!done) {
        const step = await source.next();
        if (step.done) {
          done = true;
          break;
        }
        const mapped = await map(step.value);
        if (mapped !== undefined && !done) return { value: mapped, done: false };
      }
      return { value: undefined, done: true };
    },
    return: finish,
    async throw(err) {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
