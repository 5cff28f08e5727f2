/**
 * A callback-form Fastify hook that had to wait for a promise continues the way Fastify's own runner continues
 * an async hook: the rest of the chain runs in a try/catch (a throw there becomes an error answer, not an
 * unhandled rejection and a request left hanging), and a rejection without an error is still an error.
 */
export function continueAfter<T>(
  work: Promise<T>,
  done: (error?: Error) => void,
  next: (value: T) => void = () => done(),
): void {
  work.then(
    (value) => proceed(() => next(value), done),
    (error: unknown) => done(asError(error)),
  );
}

/** Runs the rest of a hook chain; a throw there is passed to `done` as an error, as Fastify's runner does. */
export function proceed(rest: () => void, done: (error?: Error) => void): void {
  try {
    rest();
  } catch (error) {
    done(asError(error));
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`a hook failed: ${String(error)}`);
}
