/**
 * `FormPrefill.fields`: the bound fields' values from CSDLQG về dân cư. Access is checked first (a bad
 * id or a forbidden caller fails the field); after that the request never fails because of the
 * source: an outage marks every field SOURCE_UNAVAILABLE so the portal lets the citizen type them in.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { POPULATION_DB_SYSTEM, type PersonRecord } from '../../../adapters/population-db';
import { isAdapterError, toLienthongError } from '../../../adapters/soap';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { Locale } from '../../shared/federation/context';
import type { CitizensContext } from '../context';
import { FieldError, FormPrefill, PrefilledField, PrefillStatus, type FormPrefillRepresentation } from './form-prefill';
import { isCitizenPath, readCitizenValue } from './prefill-values';

/** Purpose logged for a prefill: the procedure whose form it fills. */
export const prefillPurpose = (procedureCode: string) => `prefill:${procedureCode}`;

function fieldError(error: LienthongError, locale: Locale): FieldError {
  const messages = error.extensions.messages as { vi: string; en: string };
  return { code: error.code, message: messages[locale] };
}

const unfilled = (fieldKey: string, status: PrefillStatus, error: FieldError | null): PrefilledField => ({
  fieldKey,
  value: null,
  status,
  source: null,
  error,
});

const unknownPath = (path: string) =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: `Nguồn dữ liệu ${path} không được hỗ trợ.`,
    en: `Source path ${path} is not supported.`,
  });

@Resolver(() => FormPrefill)
export class FormPrefillResolver {
  @FieldResolver(() => [PrefilledField])
  async fields(@Root() prefill: FormPrefillRepresentation, @Ctx() ctx: CitizensContext): Promise<PrefilledField[]> {
    const bindings = prefill.bindings ?? [];
    let person: PersonRecord | null = null;
    let fetchedAt = new Date();
    let failure: LienthongError | undefined;
    if (bindings.some((b) => isCitizenPath(b.sourcePath))) {
      const lookup = ctx.citizens.load(prefill.personalId, prefillPurpose(prefill.procedureCode));
      try {
        ({ record: person, fetchedAt } = await lookup);
      } catch (err) {
        // Refusals (bad id, wrong caller) fail the field; only source failures degrade to SOURCE_UNAVAILABLE.
        if (!isAdapterError(err)) throw err;
        failure = toLienthongError(err);
      }
    }
    return bindings.map(({ fieldKey, sourcePath }) => {
      if (!isCitizenPath(sourcePath)) return unfilled(fieldKey, PrefillStatus.MISSING, fieldError(unknownPath(sourcePath), ctx.locale));
      if (failure) return unfilled(fieldKey, PrefillStatus.SOURCE_UNAVAILABLE, fieldError(failure, ctx.locale));
      if (!person) {
        const notFound = new LienthongError(ErrorCode.CITIZEN_NOT_FOUND);
        return unfilled(fieldKey, PrefillStatus.MISSING, fieldError(notFound, ctx.locale));
      }
      const value = readCitizenValue(person, sourcePath);
      if (value === null) return unfilled(fieldKey, PrefillStatus.MISSING, null);
      return {
        fieldKey,
        value,
        status: PrefillStatus.FILLED,
        source: { system: POPULATION_DB_SYSTEM, path: sourcePath, fetchedAt },
        error: null,
      };
    });
  }
}
