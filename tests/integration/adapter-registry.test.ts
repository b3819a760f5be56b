/**
 * The adapter registry service on a real database: the lifecycle (register → approve → activate →
 * supersede → roll back → disable → enable) with its history and outbox events, refusals that write
 * nothing, access rights, and two processes' runtimes sharing one database and bus: an activation in
 * one is served by the other once the outbox relay publishes it. The compiler is a stand-in whose
 * "mapping" is JSON naming the record it answers, so this file tests the registry, not 8A's compiler.
 */
import { AdapterMetrics, type CircuitState } from '../../adapters/kit';
import type { AdapterSource, CompileAdapterOptions, CompiledAdapter } from '../../adapters/registry/types';
import { AdapterValidationError } from '../../adapters/registry';
import { ADAPTER_LIFECYCLE_TOPIC, createAdapterRegistry, type AdapterRegistryServices } from '../../subgraphs/citizens/registry';
import { lookUpThroughAdapter } from '../../subgraphs/citizens/registry/adapter-lookup';
import type { AccessLogEntry } from '../../subgraphs/citizens/access/access-log';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';
import { OutboxRelay } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually } from '../support/gateway-client';

const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR' };
const OWNER_OFFICIAL: Principal = { id: 'official:tax-1', role: 'OFFICIAL', agencyCode: 'G01.TAX' };
const OTHER_OFFICIAL: Principal = { id: 'official:other-1', role: 'OFFICIAL', agencyCode: 'G01.OTHER' };

/** Stand-in compiler: the mapping is JSON `{ target, answer }`; `{ invalid: path }` is refused naming `path`. */
const closed: string[] = [];
async function fakeCompile(source: AdapterSource, options: CompileAdapterOptions = {}): Promise<CompiledAdapter> {
  const spec = JSON.parse(source.mapping) as { target?: string; answer?: Record<string, unknown>; invalid?: string };
  if (spec.invalid) throw new AdapterValidationError([{ path: spec.invalid, message: `${spec.invalid} is not a field of the target` }]);
  const metrics = options.metrics ?? new AdapterMetrics();
  const recorder = metrics.adapter(options.system ?? 'fake');
  return {
    kind: source.kind,
    targetType: spec.target ?? 'Organization',
    operation: 'lookup',
    endpoint: source.endpoint ?? 'http://upstream.invalid/',
    inputKeys: ['id'],
    optionalInputKeys: [],
    system: options.system ?? 'fake',
    circuitState: 'CLOSED' as CircuitState,
    metrics,
    async call(input) {
      recorder.call();
      recorder.success(1);
      return { record: input.id === 'none' ? null : { ...spec.answer, identifier: String(input.id) }, durationMs: 1, rawResponse: '<ok/>' };
    },
    close() {
      closed.push(source.mapping);
    },
  };
}

const source = (answer: Record<string, unknown>, target = 'ExternalPerson') => ({
  kind: 'SOAP' as const,
  serviceDescription: '<definitions/>',
  mapping: JSON.stringify({ target, answer }),
  mappingFormat: 'JSON' as const,
});

describe('adapter registry service', () => {
  let db: Database;
  const bus = new InProcessEventBus();
  let relay: OutboxRelay;
  const logged: Array<{ source: string; entries: readonly AccessLogEntry[] }> = [];
  const accessLog = { record: async (_p: Principal, source: string, _at: Date, entries: readonly AccessLogEntry[]) => void logged.push({ source, entries }) };
  let here: AdapterRegistryServices;
  let there: AdapterRegistryServices;
  const reloadedHere: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    relay = new OutboxRelay(db.prisma, bus, { pollIntervalMs: 100 });
    relay.start();
    here = createAdapterRegistry({ prisma: db.prisma, compile: fakeCompile, accessLog, bus, outbox: relay, onReloaded: (n) => reloadedHere.push(n), closeGraceMs: 200 });
    there = createAdapterRegistry({ prisma: db.prisma, compile: fakeCompile, accessLog, bus, outbox: relay, closeGraceMs: 200 });
    await here.runtime.start();
    await there.runtime.start();
  });

  afterAll(async () => {
    await here?.runtime.stop();
    await there?.runtime.stop();
    await relay?.stop();
    await bus.close();
    await db?.close();
  });

  const counts = async () => ({
    adapters: await db.prisma.registeredAdapter.count(),
    versions: await db.prisma.adapterVersion.count(),
    events: await db.prisma.adapterLifecycleEvent.count(),
    outbox: await db.prisma.outboxEvent.count({ where: { topic: ADAPTER_LIFECYCLE_TOPIC } }),
  });

  it('walks the lifecycle, recording each step in the history and the outbox', async () => {
    const { version } = await here.service.register(OWNER_OFFICIAL, { name: 'tax-people', description: 'Người nộp thuế', ...source({ fullName: 'Nguyễn Văn A', source: 'v1' }) });
    expect(version).toBe(1);
    const registered = await db.prisma.registeredAdapter.findUniqueOrThrow({ where: { name: 'tax-people' } });
    expect(registered).toMatchObject({ status: 'REGISTERED', ownerAgencyCode: 'G01.TAX', activeVersion: null });

    await expect(here.service.activate(OPERATOR, 'tax-people', 1)).rejects.toMatchObject({ extensions: { code: ErrorCode.INVALID_ADAPTER_TRANSITION } });
    await expect(here.service.approve(OWNER_OFFICIAL, 'tax-people', 1)).rejects.toMatchObject({ extensions: { code: ErrorCode.FORBIDDEN } });
    expect((await here.service.approve(OPERATOR, 'tax-people', 1)).status).toBe('APPROVED');
    const active = await here.service.activate(OPERATOR, 'tax-people', 1);
    expect(active).toMatchObject({ status: 'ACTIVE', activeVersion: 1 });

    await here.service.register(OWNER_OFFICIAL, { name: 'tax-people', ...source({ fullName: 'Nguyễn Văn A', source: 'v2' }) });
    await here.service.approve(OPERATOR, 'tax-people', 2);
    await here.service.activate(OPERATOR, 'tax-people', 2);
    const versions = await db.prisma.adapterVersion.findMany({ where: { adapterName: 'tax-people' }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.status)).toEqual(['SUPERSEDED', 'ACTIVE']);

    const rolledBack = await here.service.rollback(OPERATOR, 'tax-people');
    expect(rolledBack.activeVersion).toBe(1);
    const disabled = await here.service.disable(OPERATOR, 'tax-people');
    expect(disabled.status).toBe('DISABLED');
    expect((await here.service.enable(OPERATOR, 'tax-people')).status).toBe('ACTIVE');

    const history = await db.prisma.adapterLifecycleEvent.findMany({ where: { adapterName: 'tax-people' }, orderBy: { id: 'asc' } });
    expect(history.map((e) => `${e.action}${e.version ?? ''}`)).toEqual(['REGISTER1', 'APPROVE1', 'ACTIVATE1', 'REGISTER2', 'APPROVE2', 'ACTIVATE2', 'ROLLBACK1', 'DISABLE', 'ENABLE']);
    const outbox = await db.prisma.outboxEvent.findMany({ where: { topic: ADAPTER_LIFECYCLE_TOPIC, key: 'tax-people' } });
    expect(outbox).toHaveLength(history.length);
  });

  it('refuses wrong steps and invalid mappings without writing anything', async () => {
    const before = await counts();
    const invalid = { name: 'broken', description: 'x', kind: 'SOAP' as const, serviceDescription: '<definitions/>', mapping: JSON.stringify({ invalid: 'serves[0].output.name' }), mappingFormat: 'JSON' as const };
    const refusal = await here.service.register(OPERATOR, invalid).catch((e: unknown) => e);
    expect(hasErrorCode(refusal, ErrorCode.ADAPTER_MAPPING_INVALID)).toBe(true);
    expect((refusal as { extensions: { issues: Array<{ path: string }> } }).extensions.issues[0].path).toBe('serves[0].output.name');
    await expect(here.service.register(OTHER_OFFICIAL, { name: 'tax-people', ...source({}) })).rejects.toMatchObject({ extensions: { code: ErrorCode.FORBIDDEN } });
    await expect(here.service.approve(OPERATOR, 'tax-people', 1)).rejects.toMatchObject({ extensions: { code: ErrorCode.INVALID_ADAPTER_TRANSITION } });
    await expect(here.service.enable(OPERATOR, 'tax-people')).rejects.toMatchObject({ extensions: { code: ErrorCode.INVALID_ADAPTER_TRANSITION } });
    await expect(here.service.approve(OPERATOR, 'tax-people', 99)).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_NOT_FOUND } });
    await expect(here.service.disable(OPERATOR, 'no-such-adapter')).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_NOT_FOUND } });
    const stale = (await db.prisma.registeredAdapter.findUniqueOrThrow({ where: { name: 'tax-people' } })).rowVersion - 1;
    await expect(here.service.disable(OPERATOR, 'tax-people', { expectedRowVersion: stale })).rejects.toMatchObject({ extensions: { code: ErrorCode.CONFLICT } });
    expect(await counts()).toEqual(before);
  });

  it('serves only granted clients, logs lookups of people, and refuses a disabled adapter', async () => {
    const lookup = (principal: Principal, id = '0312345678') =>
      lookUpThroughAdapter(here, { principal, requestId: 'req-1', adapter: 'tax-people', input: { id } });
    await expect(lookup(OTHER_OFFICIAL)).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_ACCESS_DENIED } });
    await here.service.grant(OWNER_OFFICIAL, 'tax-people', 'agency:G01.OTHER');
    const result = await lookup(OTHER_OFFICIAL);
    expect(result).toMatchObject({ version: 1, targetType: 'ExternalPerson', record: { identifier: '0312345678', source: 'v1' } });
    expect(logged.at(-1)).toEqual({ source: 'ADAPTER:tax-people', entries: [{ personalId: '0312345678', purpose: 'adapter-lookup', outcome: 'FOUND' }] });
    expect((await lookup(OTHER_OFFICIAL, 'none')).record).toBeNull();
    await expect(lookUpThroughAdapter(here, { principal: OTHER_OFFICIAL, requestId: 'r', adapter: 'nope', input: {} })).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_NOT_FOUND } });

    await here.service.revoke(OPERATOR, 'tax-people', 'agency:G01.OTHER');
    await expect(lookup(OTHER_OFFICIAL)).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_ACCESS_DENIED } });
    await here.service.grant(OPERATOR, 'tax-people', 'role:OPERATOR');
    await here.service.disable(OPERATOR, 'tax-people');
    await expect(lookup(OPERATOR)).rejects.toMatchObject({ extensions: { code: ErrorCode.ADAPTER_NOT_ACTIVE } });
    await here.service.enable(OPERATOR, 'tax-people');
    expect((await lookup(OPERATOR)).version).toBe(1);
  });

  it('serves a version activated by another process once the lifecycle event arrives, closing the old one', async () => {
    const lookup = () => lookUpThroughAdapter(here, { principal: OPERATOR, requestId: 'req-2', adapter: 'tax-people', input: { id: '1' } });
    expect((await lookup()).record).toMatchObject({ source: 'v1' }); // loaded here
    const closedBefore = closed.length;
    const reloadsBefore = reloadedHere.length;
    await there.service.register(OPERATOR, { name: 'tax-people', ...source({ fullName: 'B', source: 'v3' }) });
    await there.service.approve(OPERATOR, 'tax-people', 3);
    await there.service.activate(OPERATOR, 'tax-people', 3);
    // Only the bus tells `here`: its own service took no part.
    await eventually(async () => reloadedHere.length > reloadsBefore && (await lookup()).version === 3, 20_000);
    expect((await lookup()).record).toMatchObject({ source: 'v3' });
    await eventually(async () => closed.slice(closedBefore).some((m) => m.includes('"v1"')), 5_000);
  });
});
