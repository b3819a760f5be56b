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
import { FormPrefill, PrefilledField, PrefillStatus, type FormPrefillRepresentation } from './form-prefill';
import { fieldError, mergeField, unfilledField, type SourceOutcome } from './prefill-merge';
import { isOrganizationPath } from '../organization/organization-values';
import type { PrefillSourceReader } from './source-registry';
import type { SourcePath } from '../../shared/source-paths';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { checkOrganizationRequest } from '../organization/organization-lookup';

export { prefillPurpose };

interface SourceRead {
  reader: PrefillSourceReader;
  outcome: { ok: true; record: unknown; fetchedAt: Date } | { ok: false; error: LienthongError };
}

// An organisation field on a form prefilled without a tax code: nothing to look up.
const noTaxCode = () =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: 'Tờ khai có trường của doanh nghiệp: cần mã số doanh nghiệp (taxCode).',
    en: 'The form has organisation fields: give the tax code (taxCode).',
    details: { field: 'taxCode' },
  });

@Resolver(() => FormPrefill)
export class FormPrefillResolver {
  @FieldResolver(() => [PrefilledField])
  async fields(@Root() prefill: FormPrefillRepresentation, @Ctx() ctx: CitizensContext): Promise<PrefilledField[]> {
    const bindings = prefill.bindings ?? [];
    const registry = ctx.prefillSources;
    const taxCode = prefill.taxCode ?? null;
    // Without a tax code there is no organisation to read: its fields say so, nothing is called.
    const readers = registry
      .sourcesForAny(bindings.map((b) => b.sourcePath))
      .filter((reader) => reader.subject !== 'organization' || taxCode !== null);
    const purpose = prefillPurpose(prefill.procedureCode);
    // Refusals (bad ids, wrong caller) fail the field before any source is called: the prefill is
    // the citizen's own, whoever the organisation; a tax code given is checked even if unused.
    if (readers.length > 0) await ctx.citizens.authorize(prefill.personalId, purpose);
    if (taxCode !== null) checkOrganizationRequest(ctx.principal, taxCode, purpose);
    const reads: SourceRead[] = await Promise.all(
      readers.map(async (reader): Promise<SourceRead> => {
        try {
          if (reader.subject === 'organization' && taxCode !== null) {
            const { record, fetchedAt } = await ctx.organizations.load(taxCode, purpose);
            return { reader, outcome: { ok: true, record, fetchedAt } };
          }
          const { record, fetchedAt } = await ctx.citizens.loadFrom(reader.system, prefill.personalId, purpose);
          return { reader, outcome: { ok: true, record, fetchedAt } };
        } catch (err) {
          if (!isAdapterError(err)) throw err;
          return { reader, outcome: { ok: false, error: toLienthongError(err) } };
        }
      }),
    );
    return bindings.map(({ fieldKey, sourcePath }) => {
      if (taxCode === null && isOrganizationPath(sourcePath)) {
        return unfilledField(fieldKey, PrefillStatus.MISSING, fieldError(noTaxCode(), ctx.locale));
      }
      const outcomes = registry.sourcesFor(sourcePath).map((reader): SourceOutcome => {
        const { outcome } = reads.find((r) => r.reader === reader)!;
        if (!outcome.ok) return { system: reader.system, answered: false, error: outcome.error };
        const value = outcome.record === null ? null : reader.read(outcome.record, sourcePath as SourcePath);
        return {
          system: reader.system,
          answered: true,
          hasRecord: outcome.record !== null,
          notFound: reader.subject === 'organization' ? ErrorCode.ORGANIZATION_NOT_FOUND : ErrorCode.CITIZEN_NOT_FOUND,
          value,
          fetchedAt: outcome.fetchedAt,
        };
      });
      return mergeField(fieldKey, sourcePath, outcomes, ctx.locale);
    });
  }
}
