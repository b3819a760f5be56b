/**
 * Resolves `Citizen` representations sent by the gateway for other subgraphs' fields. They all go
 * through the request's lookup loader: however many representations, one upstream call.
 */
import { toLienthongError } from '../../../adapters/soap';
import { REFERENCE_PURPOSE } from '../access/citizen-access-policy';
import type { CitizensContext } from '../context';
import { toCitizen, type Citizen } from './citizen';

/** Purpose logged for citizens read because another subgraph's field points at them. */
export { REFERENCE_PURPOSE };

export async function resolveCitizenReference(reference: { personalId: string }, ctx: CitizensContext): Promise<Citizen | null> {
  let result;
  try {
    result = await ctx.citizens.load(reference.personalId, REFERENCE_PURPOSE);
  } catch (err) {
    throw toLienthongError(err);
  }
  return result.record ? toCitizen(result.record) : null;
}
