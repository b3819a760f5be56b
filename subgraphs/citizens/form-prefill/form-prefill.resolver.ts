/**
 * `FormPrefill.fields`: the bound fields' values from the national sources that serve them, read in
 * parallel (one batched call per source per request) and merged per field (prefill-merge.ts). Access
 * is checked first (a bad id or a forbidden caller fails the field); after that the request never
 * fails because of a source: failures become warnings or SOURCE_UNAVAILABLE, within the clients' timeouts.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isAdapterError, toLienthongError } from '../../../adapters/soap';
import { prefillPurpose } from '../access/citizen-access-policy';
import type { CitizensContext } from '../context';
import { FormPrefill, PrefilledField, type FormPrefillRepresentation } from './form-prefill';
import { mergeField, type SourceOutcome } from './prefill-merge';
import type { PrefillSourceReader } from './source-registry';
import type { CitizenPath } from './prefill-values';

export { prefillPurpose };

interface SourceRead {
  reader: PrefillSourceReader;
  outcome: { ok: true; record: unknown; fetchedAt: Date } | { ok: false; error: ReturnType<typeof toLienthongError> };
}

@Resolver(() => FormPrefill)
export class FormPrefillResolver {
  @FieldResolver(() => [PrefilledField])
  async fields(@Root() prefill: FormPrefillRepresentation, @Ctx() ctx: CitizensContext): Promise<PrefilledField[]> {
    const bindings = prefill.bindings ?? [];
    const registry = ctx.prefillSources;
    const readers = registry.sourcesForAny(bindings.map((b) => b.sourcePath));
    const purpose = prefillPurpose(prefill.procedureCode);
    // Refusals (bad id, wrong caller) fail the field before any source is called.
    if (readers.length > 0) await ctx.citizens.authorize(prefill.personalId, purpose);
    const reads: SourceRead[] = await Promise.all(
      readers.map(async (reader): Promise<SourceRead> => {
        try {
          const { record, fetchedAt } = await ctx.citizens.loadFrom(reader.system, prefill.personalId, purpose);
          return { reader, outcome: { ok: true, record, fetchedAt } };
        } catch (err) {
          if (!isAdapterError(err)) throw err;
          return { reader, outcome: { ok: false, error: toLienthongError(err) } };
        }
      }),
    );
    return bindings.map(({ fieldKey, sourcePath }) => {
      const outcomes = registry.sourcesFor(sourcePath).map((reader): SourceOutcome => {
        const { outcome } = reads.find((r) => r.reader === reader)!;
        if (!outcome.ok) return { system: reader.system, answered: false, error: outcome.error };
        const value = outcome.record === null ? null : reader.read(outcome.record, sourcePath as CitizenPath);
        return { system: reader.system, answered: true, hasRecord: outcome.record !== null, value, fetchedAt: outcome.fetchedAt };
      });
      return mergeField(fieldKey, sourcePath, outcomes, ctx.locale);
    });
  }
}
