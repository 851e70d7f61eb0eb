/**
 * Keeps one bad document or one bug from taking the server down: every handler runs
 * inside `guard`, which logs the exception and answers with an empty result.
 */

/** Where errors go (the connection's console, which the client shows in its output). */
export interface Log {
  error(message: string): void;
  info(message: string): void;
}

/** Describes an exception for the log, with its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a request or notification handler: a throw or a rejection is logged with the
 * handler's name and turned into `fallback`, so the client gets an empty answer, not an error.
 */
export function guard<A extends unknown[], R>(
  log: Log,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`postmortem: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
