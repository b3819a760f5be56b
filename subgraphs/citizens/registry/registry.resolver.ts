/**
 * Admin API of the adapter registry: read adapters with their versions, grants, history and health;
 * register, approve, reject, activate, roll back, disable, enable, grant, revoke and dry-run.
 * Errors: UNAUTHENTICATED, FORBIDDEN, ADAPTER_NOT_FOUND, ADAPTER_MAPPING_INVALID, INVALID_ADAPTER_TRANSITION, CONFLICT, UPSTREAM_*.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AdapterMetrics } from '../../../adapters/kit';
import { toLienthongError } from '../../../adapters/soap';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { CitizensContext } from '../context';
import type { AdapterRegistryServices } from './index';
import { assertMayManage } from './registry-access';
import {
  AdapterAccessGrantView,
  AdapterDryRun,
  AdapterHealth,
  AdapterLifecycleEntry,
  AdapterSourceInputGql,
  AdapterVersionView,
  RegisterAdapterInputGql,
  RegisteredAdapterView,
} from './registry.types';
import type { AdapterSource } from './compiler-port';

export function registryOf(ctx: CitizensContext): AdapterRegistryServices {
  if (!ctx.registry) throw new LienthongError(ErrorCode.INTERNAL_SERVER_ERROR, { en: 'The adapter registry is not configured.', vi: 'Chưa cấu hình sổ đăng ký bộ chuyển đổi.' });
  return ctx.registry;
}

const toSource = (input: AdapterSourceInputGql): AdapterSource => ({
  kind: input.kind as AdapterSource['kind'],
  serviceDescription: input.serviceDescription,
  endpoint: input.endpoint ?? undefined,
  mapping: input.mapping,
  mappingFormat: input.mappingFormat as AdapterSource['mappingFormat'],
});

const opt = { nullable: true } as const;

@Resolver(() => RegisteredAdapterView)
export class AdapterRegistryResolver {
  @Query(() => [RegisteredAdapterView], { description: 'Các bộ chuyển đổi đã đăng ký (operators: all; officials: their agency’s)' })
  async adapters(@Ctx() ctx: CitizensContext): Promise<RegisteredAdapterView[]> {
    const { principal } = ctx;
    if (principal.role !== 'OPERATOR' && principal.role !== 'OFFICIAL' && principal.role !== 'AGENCY_ADMIN') assertMayManage(principal, 'READ', null);
    const where = principal.role === 'OPERATOR' ? {} : { ownerAgencyCode: principal.agencyCode ?? '\u0000' };
    return registryOf(ctx).prisma.registeredAdapter.findMany({ where, orderBy: { name: 'asc' } });
  }

  @Query(() => RegisteredAdapterView, { description: 'Một bộ chuyển đổi: phiên bản, quyền, lịch sử, tình trạng' })
  async adapter(@Arg('name') name: string, @Ctx() ctx: CitizensContext): Promise<RegisteredAdapterView> {
    const row = await registryOf(ctx).service.find(name);
    assertMayManage(ctx.principal, 'READ', row.ownerAgencyCode);
    return row;
  }

  @FieldResolver(() => [AdapterVersionView])
  versions(@Root() adapter: RegisteredAdapterView, @Ctx() ctx: CitizensContext): Promise<AdapterVersionView[]> {
    return registryOf(ctx).prisma.adapterVersion.findMany({ where: { adapterName: adapter.name }, orderBy: { version: 'asc' } });
  }

  @FieldResolver(() => [AdapterAccessGrantView])
  grants(@Root() adapter: RegisteredAdapterView, @Ctx() ctx: CitizensContext): Promise<AdapterAccessGrantView[]> {
    return registryOf(ctx).prisma.adapterAccessGrant.findMany({ where: { adapterName: adapter.name }, orderBy: { clientId: 'asc' } });
  }

  @FieldResolver(() => [AdapterLifecycleEntry], { description: 'Lịch sử vòng đời, cũ trước' })
  history(@Root() adapter: RegisteredAdapterView, @Ctx() ctx: CitizensContext): Promise<AdapterLifecycleEntry[]> {
    return registryOf(ctx).prisma.adapterLifecycleEvent.findMany({ where: { adapterName: adapter.name }, orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => AdapterHealth)
  health(@Root() adapter: RegisteredAdapterView, @Ctx() ctx: CitizensContext): AdapterHealth {
    const registry = registryOf(ctx);
    const stats = registry.metrics.snapshot()[adapter.name];
    const errors = stats ? Object.values(stats.errors).reduce((a, b) => a + b, 0) : 0;
    const calls = stats?.calls ?? 0;
    return {
      circuitState: registry.runtime.circuitStates()[adapter.name] ?? 'NOT_LOADED',
      calls,
      errors,
      errorRate: calls ? errors / calls : 0,
      latencyP50Ms: stats?.latencyMs.p50 ?? 0,
      latencyP95Ms: stats?.latencyMs.p95 ?? 0,
    };
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Đăng ký bộ chuyển đổi hoặc phiên bản mới; kiểm tra ánh xạ trước khi lưu' })
  async registerAdapter(@Arg('input') input: RegisterAdapterInputGql, @Ctx() ctx: CitizensContext): Promise<RegisteredAdapterView> {
    const { adapter } = await registryOf(ctx).service.register(ctx.principal, {
      ...toSource(input),
      name: input.name,
      description: input.description ?? undefined,
      ownerAgencyCode: input.ownerAgencyCode ?? undefined,
    });
    return adapter;
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Phê duyệt một phiên bản (operators)' })
  approveAdapterVersion(@Arg('name') name: string, @Arg('version', () => Int) version: number, @Arg('expectedRowVersion', () => Int, opt) expectedRowVersion: number | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.approve(ctx.principal, name, version, { expectedRowVersion: expectedRowVersion ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Từ chối một phiên bản (operators)' })
  rejectAdapterVersion(@Arg('name') name: string, @Arg('version', () => Int) version: number, @Arg('note', () => String, opt) note: string | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.reject(ctx.principal, name, version, { note: note ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Kích hoạt một phiên bản đã duyệt, không cần khởi động lại (operators)' })
  activateAdapterVersion(@Arg('name') name: string, @Arg('version', () => Int) version: number, @Arg('expectedRowVersion', () => Int, opt) expectedRowVersion: number | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.activate(ctx.principal, name, version, { expectedRowVersion: expectedRowVersion ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Quay lại phiên bản hoạt động trước đó (operators)' })
  rollbackAdapter(@Arg('name') name: string, @Arg('expectedRowVersion', () => Int, opt) expectedRowVersion: number | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.rollback(ctx.principal, name, { expectedRowVersion: expectedRowVersion ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Tạm ngừng bộ chuyển đổi (operators)' })
  disableAdapter(@Arg('name') name: string, @Arg('expectedRowVersion', () => Int, opt) expectedRowVersion: number | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.disable(ctx.principal, name, { expectedRowVersion: expectedRowVersion ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Bật lại bộ chuyển đổi đã tạm ngừng (operators)' })
  enableAdapter(@Arg('name') name: string, @Arg('expectedRowVersion', () => Int, opt) expectedRowVersion: number | undefined, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.enable(ctx.principal, name, { expectedRowVersion: expectedRowVersion ?? undefined });
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Cấp quyền sử dụng cho một bên: tài khoản, `agency:<mã>` hoặc `role:OPERATOR`' })
  grantAdapterAccess(@Arg('name') name: string, @Arg('clientId') clientId: string, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.grant(ctx.principal, name, clientId);
  }

  @Mutation(() => RegisteredAdapterView, { description: 'Thu hồi quyền sử dụng' })
  revokeAdapterAccess(@Arg('name') name: string, @Arg('clientId') clientId: string, @Ctx() ctx: CitizensContext) {
    return registryOf(ctx).service.revoke(ctx.principal, name, clientId);
  }

  @Mutation(() => AdapterDryRun, { description: 'Chạy thử một phiên bản đã lưu, hoặc một nguồn chưa lưu, với dịch vụ thật; không lưu gì' })
  async dryRunAdapter(
    @Arg('name') name: string,
    @Arg('input', () => GraphQLJSONObject) input: Record<string, unknown>,
    @Arg('version', () => Int, { nullable: true, description: '@default the active version' }) version: number | undefined,
    @Arg('source', () => AdapterSourceInputGql, { nullable: true, description: 'Nguồn chưa lưu. @default the stored version' }) source: AdapterSourceInputGql | undefined,
    @Ctx() ctx: CitizensContext,
  ): Promise<AdapterDryRun> {
    const registry = registryOf(ctx);
    const row = await registryOf(ctx).prisma.registeredAdapter.findUnique({ where: { name } });
    if (!row && !source) throw new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { details: { adapter: name } });
    assertMayManage(ctx.principal, 'DRY_RUN', row ? row.ownerAgencyCode : (ctx.principal.agencyCode ?? null));
    let adapterSource: AdapterSource;
    if (source) adapterSource = toSource(source);
    else {
      const wanted = version ?? row!.activeVersion;
      const stored = wanted == null ? null : await registryOf(ctx).prisma.adapterVersion.findUnique({ where: { adapterName_version: { adapterName: name, version: wanted } } });
      if (!stored) throw new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { en: `Adapter ${name} has no version ${wanted ?? '(active)'}.`, details: { adapter: name, version: wanted } });
      adapterSource = { kind: stored.kind as AdapterSource['kind'], serviceDescription: stored.serviceDescription, endpoint: stored.endpoint, mapping: stored.mapping, mappingFormat: stored.mappingFormat as AdapterSource['mappingFormat'] };
    }
    // Its own metrics: a dry run must not count in the adapter's health.
    const compiled = await registry.compile(adapterSource, { system: `dry-run:${name}`, metrics: new AdapterMetrics() });
    try {
      const result = await compiled.call(input, { audit: { requestId: ctx.requestId, actor: ctx.principal.id, purpose: 'dry-run' } });
      return { ...result, targetType: compiled.targetType };
    } catch (err) {
      throw toLienthongError(err);
    } finally {
      compiled.close();
    }
  }
}
