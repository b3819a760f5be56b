/**
 * The adapter registry in the citizens subgraph: services per process (registry service, runtime,
 * Prometheus figures), created once by the server and handed to resolvers through the context.
 */
import { AdapterMetrics } from '../../../adapters/kit';
import type { EventBus } from '../../shared/events/bus';
import type { OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import type { AccessLog } from '../access/access-log-port';
import { AdapterPrometheus } from './adapter-prometheus';
import { AdapterRuntime } from './adapter-runtime';
import type { AdapterCompiler } from './compiler-port';
import { RegistryService } from './registry-service';

export { ADAPTER_LIFECYCLE_TOPIC, type AdapterLifecycleEvent } from './adapter-lifecycle';
export { AdapterPrometheus } from './adapter-prometheus';
export { AdapterRuntime } from './adapter-runtime';
export type { AdapterCompiler } from './compiler-port';
export { RegistryService } from './registry-service';

export interface AdapterRegistryServices {
  prisma: PrismaClient;
  service: RegistryService;
  runtime: AdapterRuntime;
  prometheus: AdapterPrometheus;
  metrics: AdapterMetrics;
  compile: AdapterCompiler;
  accessLog: AccessLog;
}

export interface AdapterRegistryOptions {
  prisma: PrismaClient;
  compile: AdapterCompiler;
  accessLog: AccessLog;
  /** Lifecycle events of other processes. @default none: only this process's changes reload */
  bus?: EventBus;
  /** Wakes the outbox relay after each step. @default none: the next poll publishes */
  outbox?: OutboxNotifier;
  /** Metrics the adapters record into (shared with `adapterStatus`). @default a registry of its own */
  metrics?: AdapterMetrics;
  /** Told when this process dropped an adapter's state. @default none */
  onReloaded?: (adapter: string) => void;
  /** How long a replaced version stays open for calls in flight. @default 30000 */
  closeGraceMs?: number;
}

export function createAdapterRegistry(options: AdapterRegistryOptions): AdapterRegistryServices {
  const metrics = options.metrics ?? new AdapterMetrics();
  const runtime = new AdapterRuntime({
    prisma: options.prisma,
    compile: options.compile,
    metrics,
    bus: options.bus,
    onReloaded: options.onReloaded,
    closeGraceMs: options.closeGraceMs,
  });
  const service = new RegistryService({
    prisma: options.prisma,
    compile: options.compile,
    outbox: options.outbox,
    // This process applies its own changes at once, without waiting for the relay and the bus.
    onChanged: (name) => runtime.invalidate(name),
  });
  return { prisma: options.prisma, service, runtime, prometheus: new AdapterPrometheus(() => runtime.circuitStates()), metrics, compile: options.compile, accessLog: options.accessLog };
}
