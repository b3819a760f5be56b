/**
 * Retry timing for idempotent reads: exponential backoff with full jitter, so that many hub instances
 * retrying the same recovering upstream spread their attempts instead of arriving in waves.
 */

export interface RetryOptions {
  /** Most attempts per call, the first included; 1 disables retries. @default 3 */
  attempts?: number;
  /** Backoff before the second attempt (before jitter); doubles each time. @default 100 */
  baseDelayMs?: number;
  /** Longest backoff between two attempts (before jitter). @default 1000 */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

/**
 * Delay before attempt `failedAttempt + 1`: a random value in [0, min(max, base · 2^(failedAttempt−1))].
 * @param random a source of numbers in [0, 1) @default Math.random
 */
export function backoffDelay(failedAttempt: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** A timer that can be waited on; unref'd so a pending backoff never keeps the process alive. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });
