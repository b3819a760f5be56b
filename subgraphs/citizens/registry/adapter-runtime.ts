/**
 * Serving registered adapters without a restart: this process keeps the compiled ACTIVE version of
 * each adapter and its grants, loaded at the first lookup, and forgets an adapter whenever an
 * `adapter.lifecycle` event names it (from this process or another: the events come through the
 * outbox and the bus), closing the old compiled version. The next lookup loads the new state.
 */
import type { AdapterMetrics } from '../../../adapters/kit';
import type { EventBus, Unsubscribe } from '../../shared/events/bus';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { ADAPTER_LIFECYCLE_TOPIC, type AdapterLifecycleEvent } from './adapter-lifecycle';
import type { AdapterCompiler, CompiledAdapter } from './compiler-port';

/** What a lookup needs to know of an adapter, as of the last event. */
export interface LoadedAdapter {
  name: string;
  status: string;
  ownerAgencyCode: string | null;
  version: number | null;
  grants: string[];
  /** The compiled active version, compiled on first use; absent unless ACTIVE. */
  compiled?: Promise<CompiledAdapter>;
}

export interface AdapterRuntimeDeps {
  prisma: PrismaClient;
  compile: AdapterCompiler;
  /** Where the compiled adapters record their calls (health, `adapterStatus`). */
  metrics: AdapterMetrics;
  /** Where lifecycle events arrive from every process. @default none: only this process's changes apply */
  bus?: EventBus;
  /** Told when an adapter's state was dropped (tests wait on it). @default none */
  onReloaded?: (adapter: string) => void;
  /** How long a replaced compiled version stays open for the calls that hold it. @default 30000 */
  closeGraceMs?: number;
}

export class AdapterRuntime {
  private readonly loaded = new Map<string, Promise<LoadedAdapter | null>>();
  /** Bumped on every invalidation, so a load that raced one is not cached. */
  private readonly generation = new Map<string, number>();
  private unsubscribe: Unsubscribe | undefined;
  /** Closes of replaced versions waiting for their last calls. */
  private readonly closing = new Map<NodeJS.Timeout, CompiledAdapter>();
  /** Compiled versions that finished compiling, for synchronous reads of their circuit state. */
  private readonly compiled = new Map<string, CompiledAdapter>();

  constructor(private readonly deps: AdapterRuntimeDeps) {}

  async start(): Promise<void> {
    if (!this.deps.bus || this.unsubscribe) return;
    this.unsubscribe = await this.deps.bus.subscribe<AdapterLifecycleEvent>(ADAPTER_LIFECYCLE_TOPIC, (event) => this.invalidate(event.adapter));
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const [timer, compiled] of this.closing) {
      clearTimeout(timer);
      compiled.close();
    }
    this.closing.clear();
    for (const name of [...this.loaded.keys()]) this.invalidate(name, true);
  }

  /** The adapter's state; null when no such adapter is registered. */
  get(name: string): Promise<LoadedAdapter | null> {
    let entry = this.loaded.get(name);
    if (!entry) {
      const loading = this.load(name);
      entry = loading;
      this.loaded.set(name, loading);
      // A failed load (database down) must not stick. An invalidation during the load already removed it.
      loading.catch(() => {
        if (this.loaded.get(name) === loading) this.loaded.delete(name);
      });
    }
    return entry;
  }

  /** The compiled active version; ADAPTER_NOT_FOUND or ADAPTER_NOT_ACTIVE otherwise. */
  async active(state: LoadedAdapter | null, name: string): Promise<{ state: LoadedAdapter; compiled: CompiledAdapter }> {
    if (!state) throw new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { details: { adapter: name } });
    if (!state.compiled) throw new LienthongError(ErrorCode.ADAPTER_NOT_ACTIVE, { details: { adapter: name, status: state.status } });
    return { state, compiled: await state.compiled };
  }

  /**
   * Drops what this process holds of the adapter. Its compiled version is closed once lookups that
   * already hold it have had time to finish (`immediately` on shutdown): an activation arriving in
   * the middle of a call must not cut that call off.
   */
  invalidate(name: string, immediately = false): void {
    this.generation.set(name, (this.generation.get(name) ?? 0) + 1);
    const entry = this.loaded.get(name);
    this.loaded.delete(name);
    this.compiled.delete(name);
    const close = (c: CompiledAdapter) => {
      if (immediately) return c.close();
      const timer = setTimeout(() => {
        this.closing.delete(timer);
        c.close();
      }, this.deps.closeGraceMs ?? 30_000);
      timer.unref();
      this.closing.set(timer, c);
      return undefined;
    };
    entry
      ?.then((state) => state?.compiled?.then(close))
      .catch(() => undefined);
    this.deps.onReloaded?.(name);
  }

  /** Circuit state of every adapter compiled in this process (for /metrics and health). */
  circuitStates(): Record<string, string> {
    return Object.fromEntries([...this.compiled].map(([name, c]) => [name, c.circuitState]));
  }

  private async load(name: string): Promise<LoadedAdapter | null> {
    const row = await this.deps.prisma.registeredAdapter.findUnique({ where: { name }, include: { grants: { select: { clientId: true } } } });
    if (!row) return null;
    const state: LoadedAdapter = {
      name,
      status: row.status,
      ownerAgencyCode: row.ownerAgencyCode,
      version: row.activeVersion,
      grants: row.grants.map((g) => g.clientId),
    };
    if (row.status === 'ACTIVE' && row.activeVersion !== null) {
      const version = await this.deps.prisma.adapterVersion.findUniqueOrThrow({ where: { adapterName_version: { adapterName: name, version: row.activeVersion } } });
      state.compiled = this.deps.compile(
        { kind: version.kind as never, serviceDescription: version.serviceDescription, endpoint: version.endpoint, mapping: version.mapping, mappingFormat: version.mappingFormat as never },
        { system: name, metrics: this.deps.metrics },
      );
      const generation = this.generation.get(name) ?? 0;
      state.compiled.then(
        (c) => {
          if ((this.generation.get(name) ?? 0) === generation) this.compiled.set(name, c);
        },
        () => {
          // A stored version that no longer compiles is retried at the next lookup.
          if ((this.generation.get(name) ?? 0) === generation) this.invalidate(name);
        },
      );
    }
    return state;
  }
}
