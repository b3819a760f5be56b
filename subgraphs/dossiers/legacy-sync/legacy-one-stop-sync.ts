/**
 * Keeps the hub and a legacy one-stop system (VNPT-iGate style) in step, both ways, as one background
 * job: each pass pulls the legacy system's changes (legacy-import.ts), then records and sends the
 * hub's status changes of its dossiers (legacy-status-push.ts). A status event on the bus wakes the
 * push side at once, so an official's action reaches the legacy desk without waiting for the pass.
 * The status-code table is loaded and checked when the sync is created: a bad table stops the start.
 */
import { logger } from '../../shared/logging';
import { LegacyStatusTable, type LegacyOneStopClient, type LegacyStatusTableSource } from '../../../adapters/legacy-one-stop';
import type { Principal } from '../../shared/auth/principal';
import type { Unsubscribe } from '../../shared/events/bus';
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import type { DossiersServices } from '../context';
import { DOSSIER_STATUS_TOPIC } from '../events/dossier-status-event';
import { LegacyImporter, type LegacyPullOptions, type LegacyPullResult } from './legacy-import';
import { LegacyStatusPusher, type LegacyPushOptions, type LegacyPushResult, type StatusEventWithId } from './legacy-status-push';

export interface LegacyOneStopSyncOptions extends LegacyPullOptions, LegacyPushOptions {
  /** Time between passes, in ms (LEGACY_SYNC_INTERVAL_MS); the first runs one interval after start. @default 60000 */
  intervalMs?: number;
  /** The status-code table. @default the shipped adapters/legacy-one-stop/legacy-status-codes.json */
  statusTable?: LegacyStatusTableSource;
  /** Send pushes as soon as a status event arrives, besides each pass. @default true */
  pushOnEvent?: boolean;
}

export interface LegacySyncPassResult {
  pull: LegacyPullResult;
  /** Pushes recorded from the outbox in this pass. */
  recorded: number;
  push: LegacyPushResult;
}

export interface LegacyOneStopSync {
  /** The legacy system's name (the dossiers' legacySystem). */
  readonly system: string;
  /** The actor the sync's own changes carry in the dossiers' history. */
  readonly actor: string;
  start(): Promise<void>;
  /** Stops the timer and the bus subscription, and waits for work in progress. */
  stop(): Promise<void>;
  /** One whole pass: pull, then push. */
  runOnce(now?: Date): Promise<LegacySyncPassResult>;
  pullOnce(now?: Date): Promise<LegacyPullResult>;
  /** Records the pushes of events published since the last look, then sends what is due. */
  pushOnce(now?: Date): Promise<{ recorded: number; push: LegacyPushResult }>;
  /** Records the push of one status event (as the bus delivers it); idempotent by outbox id. */
  recordStatusEvent(event: StatusEventWithId): Promise<boolean>;
}

/** The principal the sync files and moves legacy dossiers as (operators may register legacy dossiers). */
export const legacySyncPrincipal = (system: string): Principal => ({
  id: `system:legacy-sync:${system}`,
  role: 'OPERATOR',
  name: `Đồng bộ hồ sơ từ hệ thống ${system}`,
});

class LegacySync implements LegacyOneStopSync {
  readonly system: string;
  readonly actor: string;
  private readonly importer: LegacyImporter;
  private readonly pusher: LegacyStatusPusher;
  private readonly job: PeriodicPass;
  private readonly pushOnEvent: boolean;
  private unsubscribe: Unsubscribe | undefined;
  /** The push run in progress (pass or event), so two never send the same rows at once. */
  private pushing: Promise<unknown> | undefined;
  private pushAgain = false;

  constructor(
    private readonly services: DossiersServices,
    client: LegacyOneStopClient,
    options: LegacyOneStopSyncOptions,
  ) {
    const table = LegacyStatusTable.load(options.statusTable);
    if (table.system !== client.system) {
      throw new Error(`legacy sync: the status table is for ${table.system}, the client for ${client.system}`);
    }
    this.system = client.system;
    const principal = legacySyncPrincipal(this.system);
    this.actor = principal.id;
    this.importer = new LegacyImporter(services, client, table, principal, options);
    this.pusher = new LegacyStatusPusher(services, client, table, this.actor, options);
    this.pushOnEvent = options.pushOnEvent ?? true;
    this.job = new PeriodicPass(`legacy-sync ${this.system}`, options.intervalMs ?? 60_000, () => this.runOnce());
  }

  async start(): Promise<void> {
    // Takes the outbox position now, so changes made from here on are pushed even before the first pass.
    await this.pusher.scanOutbox();
    if (this.pushOnEvent && !this.unsubscribe) {
      this.unsubscribe = await this.services.bus.subscribe<StatusEventWithId>(DOSSIER_STATUS_TOPIC, () => this.onEvent());
    }
    this.job.start();
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.job.stop();
    await this.pushing;
  }

  async runOnce(now?: Date): Promise<LegacySyncPassResult> {
    const pull = await this.pullOnce(now).catch((err: unknown) => {
      // The legacy system being down must not hold back the hub's updates that are due.
      logger('legacy-sync').warn({ system: this.system, err }, 'pull failed');
      return undefined;
    });
    const { recorded, push } = await this.pushOnce(now);
    if (pull?.stoppedAt) {
      logger('legacy-sync').warn({ system: this.system, legacyCode: pull.stoppedAt.legacyCode, error: pull.stoppedAt.error.message }, 'pull stopped');
    }
    return { pull: pull ?? { pages: 0, imported: 0, updated: 0, unchanged: 0, cursor: '' }, recorded, push };
  }

  pullOnce(now = new Date()): Promise<LegacyPullResult> {
    return this.importer.pullOnce(now);
  }

  async pushOnce(now?: Date): Promise<{ recorded: number; push: LegacyPushResult }> {
    while (this.pushing) await this.pushing.catch(() => undefined);
    const run = (async () => {
      const recorded = await this.pusher.scanOutbox();
      const push = await this.pusher.sendDue(now ?? new Date());
      return { recorded, push };
    })();
    this.pushing = run.finally(() => (this.pushing = undefined));
    return run;
  }

  recordStatusEvent(event: StatusEventWithId): Promise<boolean> {
    return this.pusher.record(event);
  }

  private async onEvent(): Promise<void> {
    // Only a wake-up: one push run at a time, and one more after it when events came meanwhile.
    if (this.pushing) {
      this.pushAgain = true;
      return;
    }
    do {
      this.pushAgain = false;
      await this.pushOnce().catch((err: unknown) => logger('legacy-sync').warn({ system: this.system, err }, 'push failed'));
    } while (this.pushAgain && this.unsubscribe);
  }
}

/**
 * The sync with a legacy one-stop system for the dossiers subgraph (and start-hub): `start()` after the
 * subgraph's services are up, `stop()` before the database closes.
 */
export function createLegacyOneStopSync(services: DossiersServices, client: LegacyOneStopClient, options: LegacyOneStopSyncOptions = {}): LegacyOneStopSync {
  return new LegacySync(services, client, options);
}
