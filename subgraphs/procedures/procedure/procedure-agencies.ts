/**
 * `Procedure.agencies`: the deciding, delegated and coordinating agencies with their names, read from
 * the `agency` table through one DataLoader per request (the context object is the request's key).
 */
import DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import type { ProceduresContext } from '../context';
import { Procedure, ProcedureAgency } from './procedure';

@ObjectType({ description: 'Cơ quan thực hiện: có thẩm quyền quyết định, được ủy quyền/phân cấp, phối hợp' })
export class ProcedureAgencies {
  @Field(() => ProcedureAgency, { description: 'Cơ quan có thẩm quyền quyết định' })
  deciding!: ProcedureAgency;

  @Field(() => ProcedureAgency, { nullable: true, description: 'Cơ quan được ủy quyền hoặc phân cấp' })
  delegated!: ProcedureAgency | null;

  @Field(() => [ProcedureAgency], { description: 'Cơ quan phối hợp' })
  coordinating!: ProcedureAgency[];
}

const loaders = new WeakMap<object, DataLoader<string, string | null>>();

/** Agency names by code for this request: one query for every procedure of the response. */
function agencyNames(ctx: ProceduresContext): DataLoader<string, string | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (codes: readonly string[]) => {
      const rows = await ctx.prisma.agency.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } });
      const byCode = new Map(rows.map((r) => [r.code, r.name]));
      return codes.map((c) => byCode.get(c) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The agencies of a procedure with their names (see the module header). */
export async function resolveAgencies(procedure: Procedure, ctx: ProceduresContext): Promise<ProcedureAgencies> {
  const codes = procedure.agencyCodes;
  const all = [codes.deciding, ...(codes.delegated ? [codes.delegated] : []), ...codes.coordinating];
  // One load for all of them, so every procedure of the response joins the same batch.
  const names = await agencyNames(ctx).loadMany(all);
  const named = (code: string): ProcedureAgency => {
    const name = names[all.indexOf(code)];
    // An agency missing from the catalogue (not loaded yet) still shows: the procedure's own name
    // when it is the procedure's agency, else its code.
    const known = typeof name === 'string' ? name : null;
    return { code, name: known ?? (code === procedure.agency.code ? procedure.agency.name : code) };
  };
  return {
    deciding: named(codes.deciding),
    delegated: codes.delegated ? named(codes.delegated) : null,
    coordinating: codes.coordinating.map(named),
  };
}
