/**
 * `adapterStatus`: how each national source behaves from this process — calls, errors by code,
 * latency, cache use and circuit state (the adapter kit's metrics). Operators only: it tells which
 * source is slow or down, nothing about any citizen.
 */
import { Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { AdapterStats } from '../../../adapters/kit';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { CitizensContext } from '../context';

@ObjectType({ description: 'Số lỗi theo mã (errors by code)' })
class AdapterErrorCount {
  @Field()
  code!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Tình trạng một kết nối tới hệ thống nguồn (adapter health)' })
export class AdapterStatus {
  @Field({ description: 'Hệ thống nguồn, e.g. CSDLQG_DAN_CU' })
  system!: string;

  @Field(() => Int)
  calls!: number;

  @Field(() => Int, { description: 'Exchanges attempted, retries included' })
  attempts!: number;

  @Field(() => Int)
  successes!: number;

  @Field(() => [AdapterErrorCount])
  errors!: AdapterErrorCount[];

  @Field(() => Float, { description: 'Median latency of recent calls, ms' })
  latencyP50Ms!: number;

  @Field(() => Float, { description: '95th percentile latency of recent calls, ms' })
  latencyP95Ms!: number;

  @Field(() => Int)
  cacheHits!: number;

  @Field({ description: 'CLOSED, OPEN, HALF_OPEN or DISABLED' })
  circuitState!: string;

  @Field(() => Int)
  circuitTimesOpened!: number;
}

const toStatus = (system: string, s: AdapterStats): AdapterStatus => ({
  system,
  calls: s.calls,
  attempts: s.attempts,
  successes: s.successes,
  errors: Object.entries(s.errors).map(([code, count]) => ({ code, count })),
  latencyP50Ms: s.latencyMs.p50,
  latencyP95Ms: s.latencyMs.p95,
  cacheHits: s.cache.hits,
  circuitState: s.circuit.state,
  circuitTimesOpened: s.circuit.timesOpened,
});

@Resolver()
export class AdapterStatusResolver {
  @Query(() => [AdapterStatus], { description: 'Tình trạng các hệ thống nguồn quốc gia, theo tiến trình này (operators)' })
  adapterStatus(@Ctx() ctx: CitizensContext): AdapterStatus[] {
    if (ctx.principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
    if (ctx.principal.role !== 'OPERATOR') throw new LienthongError(ErrorCode.FORBIDDEN);
    const snapshot = ctx.adapterMetrics?.snapshot() ?? {};
    return Object.entries(snapshot)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, stats]) => toStatus(system, stats));
  }
}
