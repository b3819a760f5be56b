/** `adapterLookup`: a query served by a registered adapter, typed by the unified type it targets. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { CitizensContext } from '../context';
import { lookUpThroughAdapter } from './adapter-lookup';
import { registryOf } from './registry.resolver';
import { AdapterLookup } from './registry.types';
import { LOOKUP_FIELD_OF_TARGET } from './unified-types';

@Resolver()
export class AdapterLookupResolver {
  @Query(() => AdapterLookup, {
    description:
      'Tra cứu qua một bộ chuyển đổi đã kích hoạt (cần được cấp quyền; tra cứu về cá nhân được ghi nhật ký). ' +
      'Errors: UNAUTHENTICATED, ADAPTER_NOT_FOUND, ADAPTER_ACCESS_DENIED, ADAPTER_NOT_ACTIVE, BAD_USER_INPUT, UPSTREAM_*',
  })
  async adapterLookup(
    @Arg('adapter') adapter: string,
    @Arg('input', () => GraphQLJSONObject) input: Record<string, unknown>,
    @Arg('purpose', () => String, { nullable: true, description: 'Mục đích tra cứu, ghi vào nhật ký. @default "adapter-lookup"' }) purpose: string | undefined,
    @Ctx() ctx: CitizensContext,
  ): Promise<AdapterLookup> {
    const registry = registryOf(ctx);
    const result = await lookUpThroughAdapter(registry, { principal: ctx.principal, requestId: ctx.requestId, adapter, input, purpose: purpose ?? undefined });
    const typed = LOOKUP_FIELD_OF_TARGET[result.targetType];
    return {
      ...result,
      organization: typed === 'organization' ? (result.record as never) : null,
      person: typed === 'person' ? (result.record as never) : null,
      connectivity: typed === 'connectivity' ? (result.record as never) : null,
    };
  }
}
