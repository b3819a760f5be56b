/**
 * Resolves `Organization` representations sent by the gateway for other subgraphs' fields. They all
 * go through the request's lookup loader: however many representations, one upstream call.
 */
import { toLienthongError } from '../../../adapters/soap';
import type { CitizensContext } from '../context';
import { toOrganization, type Organization } from './organization';
import { ORGANIZATION_REFERENCE_PURPOSE } from './organization-lookup';

export async function resolveOrganizationReference(reference: { taxCode: string }, ctx: CitizensContext): Promise<Organization | null> {
  let result;
  try {
    result = await ctx.organizations.load(reference.taxCode, ORGANIZATION_REFERENCE_PURPOSE);
  } catch (err) {
    throw toLienthongError(err);
  }
  return result.record ? toOrganization(result.record) : null;
}
