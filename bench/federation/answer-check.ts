/**
 * Checks every answer of the benchmark. The first contender's first answer to a query fixes the
 * expected `data` (serialized); every contender's first answer must serialize to the same bytes. That
 * contender's whole body then becomes its known-good text, so the check during load is usually one
 * string comparison (parsing 11 KB per answer would cost the load generator's CPU); a body that differs
 * from it is parsed and its `data` compared in full.
 */

/** The result of checking one answer: `undefined` when it is right, otherwise why not. */
export type AnswerProblem = string | undefined;

export class AnswerCheck {
  private readonly expectedData = new Map<string, string>();

  /** What the first contender answered for `query` (serialized `data`), once known. */
  expected(query: string): string | undefined {
    return this.expectedData.get(query);
  }

  /**
   * Checks a contender's first answer to `query`; the first one seen becomes the expectation.
   * @param ignoreKeys top-level `data` keys to drop before comparing (e.g. a probe's extra alias)
   */
  checkAnswer(query: string, body: string, ignoreKeys: string[] = []): AnswerProblem {
    let parsed: { data?: Record<string, unknown> | null; errors?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return `not JSON: ${body.slice(0, 200)}`;
    }
    if (parsed.errors) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
    if (!parsed.data) return 'no data';
    const data = { ...parsed.data };
    for (const key of ignoreKeys) delete data[key];
    const serialized = JSON.stringify(data);
    const expected = this.expectedData.get(query);
    if (expected === undefined) {
      this.expectedData.set(query, serialized);
      return undefined;
    }
    return serialized === expected ? undefined : `data differs from the first contender's (${serialized.length} vs ${expected.length} bytes)`;
  }

  /** A fast verifier for load runs, given a body already checked with {@link checkAnswer}. */
  verifierFor(query: string, knownGoodBody: string): (body: string) => boolean {
    return (body) => body === knownGoodBody || this.checkAnswer(query, body) === undefined;
  }
}
