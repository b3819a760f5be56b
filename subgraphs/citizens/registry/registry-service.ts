/**
 * The adapter registry: registering adapters and versions (validated by the mapping compiler before
 * anything is stored), the lifecycle steps and access grants. Every step writes the row changes, one
 * adapter_lifecycle_event and one `adapter.lifecycle` outbox event in the same transaction, so every
 * process's AdapterRuntime hears of each committed change and of nothing else.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { appendOutboxEvent, NO_RELAY, type OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import {
  ADAPTER_LIFECYCLE_TOPIC,
  ADAPTER_NAME,
  assertVersionStep,
  CLIENT_ID,
  refuseTransition,
  statusWhenEnabled,
  type AdapterLifecycleEvent,
  type AdapterStatus,
  type LifecycleAction,
} from './adapter-lifecycle';
import type { AdapterCompiler, AdapterSourceInput } from './compiler-port';
import { assertMayManage } from './registry-access';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
type AdapterRow = NonNullable<Awaited<ReturnType<PrismaClient['registeredAdapter']['findUnique']>>>;

export interface RegisterAdapterInput extends AdapterSourceInput {
  name: string;
  /** Required for a new adapter; a new version keeps the adapter's. @default the adapter's description */
  description?: string;
  /** Agency owning a new adapter. @default the official's agency; none for an operator */
  ownerAgencyCode?: string;
}

export interface RegistryServiceDeps {
  prisma: PrismaClient;
  compile: AdapterCompiler;
  /** Wakes the outbox relay after a commit. @default NO_RELAY (the next poll publishes) */
  outbox?: OutboxNotifier;
  /** Called after each commit with the adapter's name, so this process reloads it at once. @default none */
  onChanged?: (adapter: string) => void;
}

/** A step's options: the row version the caller last read, to refuse a stale change (CONFLICT). */
export interface StepOptions {
  /** @default none: no optimistic check */
  expectedRowVersion?: number;
  /** Free text kept in the lifecycle history. @default none */
  note?: string;
}

const TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

export class RegistryService {
  constructor(private readonly deps: RegistryServiceDeps) {}

  /** Validates the source against the unified schema (nothing stored when invalid), then stores a new adapter or version. */
  async register(principal: Principal, input: RegisterAdapterInput): Promise<{ adapter: AdapterRow; version: number }> {
    if (!ADAPTER_NAME.test(input.name)) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        en: 'An adapter name is 2–63 lowercase letters, digits or dashes, starting with a letter.',
        vi: 'Tên bộ chuyển đổi gồm 2–63 chữ thường, chữ số hoặc dấu gạch ngang, bắt đầu bằng chữ.',
        details: { field: 'name' },
      });
    }
    const existing = await this.deps.prisma.registeredAdapter.findUnique({ where: { name: input.name } });
    const owner = existing ? existing.ownerAgencyCode : (input.ownerAgencyCode ?? (principal.role === 'OFFICIAL' || principal.role === 'AGENCY_ADMIN' ? principal.agencyCode : undefined) ?? null);
    assertMayManage(principal, 'REGISTER', owner);
    if (!existing && !input.description?.trim()) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'A new adapter needs a description.', vi: 'Cần mô tả cho bộ chuyển đổi mới.', details: { field: 'description' } });
    }
    const compiled = await this.deps.compile(input);
    const { targetType, endpoint } = compiled;
    compiled.close();
    const checksum = createHash('sha256').update(input.serviceDescription).update('\u0000').update(input.mapping).digest('hex');
    return this.step(input.name, principal, async (tx, adapter) => {
      const last = await tx.adapterVersion.findFirst({ where: { adapterName: input.name }, orderBy: { version: 'desc' } });
      const version = (last?.version ?? 0) + 1;
      let row = adapter;
      if (!row) {
        row = await tx.registeredAdapter.create({
          data: { name: input.name, description: input.description!.trim(), ownerAgencyCode: owner, status: 'REGISTERED', createdBy: principal.id },
        });
      } else if (input.description?.trim() && input.description.trim() !== row.description) {
        row = await tx.registeredAdapter.update({ where: { name: row.name }, data: { description: input.description.trim(), rowVersion: { increment: 1 } } });
      }
      await tx.adapterVersion.create({
        data: {
          adapterName: input.name,
          version,
          kind: input.kind,
          serviceDescription: input.serviceDescription,
          endpoint: input.endpoint ?? endpoint,
          mapping: input.mapping,
          mappingFormat: input.mappingFormat,
          targetType,
          checksum,
          status: 'REGISTERED',
          registeredBy: principal.id,
        },
      });
      return { row, action: 'REGISTER', version, fromStatus: null, toStatus: 'REGISTERED', result: { adapter: row, version } };
    }, { allowMissing: true });
  }

  /** An operator approves a REGISTERED version; the adapter becomes APPROVED if it was only REGISTERED. */
  async approve(principal: Principal, name: string, version: number, options: StepOptions = {}) {
    return this.versionStep(principal, name, version, 'APPROVE', options, async (tx, adapter) => {
      await tx.adapterVersion.update({
        where: { adapterName_version: { adapterName: name, version } },
        data: { status: 'APPROVED', approvedBy: principal.id, approvedAt: new Date() },
      });
      return adapter.status === 'REGISTERED' ? 'APPROVED' : (adapter.status as AdapterStatus);
    });
  }

  /** An operator rejects a version that never served traffic. */
  async reject(principal: Principal, name: string, version: number, options: StepOptions = {}) {
    return this.versionStep(principal, name, version, 'REJECT', options, async (tx, adapter) => {
      await tx.adapterVersion.update({ where: { adapterName_version: { adapterName: name, version } }, data: { status: 'REJECTED' } });
      return adapter.status as AdapterStatus;
    });
  }

  /** An operator activates an APPROVED version; the previously ACTIVE one becomes SUPERSEDED. */
  async activate(principal: Principal, name: string, version: number, options: StepOptions = {}, action: LifecycleAction = 'ACTIVATE') {
    return this.versionStep(principal, name, version, 'ACTIVATE', options, async (tx, adapter) => {
      if (adapter.status === 'DISABLED') refuseTransition(name, action, adapter.status);
      await tx.adapterVersion.updateMany({ where: { adapterName: name, status: 'ACTIVE' }, data: { status: 'SUPERSEDED' } });
      await tx.adapterVersion.update({ where: { adapterName_version: { adapterName: name, version } }, data: { status: 'ACTIVE', activatedAt: new Date() } });
      return 'ACTIVE';
    }, action);
  }

  /** Re-activates the version that was active before the current one. */
  async rollback(principal: Principal, name: string, options: StepOptions = {}) {
    assertMayManage(principal, 'OPERATE', null);
    const adapter = await this.find(name);
    if (adapter.status !== 'ACTIVE' || adapter.activeVersion === null) refuseTransition(name, 'ROLLBACK', adapter.status);
    const previous = await this.deps.prisma.adapterVersion.findFirst({
      where: { adapterName: name, status: 'SUPERSEDED', version: { not: adapter.activeVersion } },
      orderBy: [{ activatedAt: 'desc' }, { version: 'desc' }],
    });
    if (!previous) refuseTransition(name, 'ROLLBACK', `${adapter.status} with no earlier active version`);
    return this.activate(principal, name, previous.version, options, 'ROLLBACK');
  }

  /** An operator takes the adapter out of service: lookups fail with ADAPTER_NOT_ACTIVE. */
  async disable(principal: Principal, name: string, options: StepOptions = {}) {
    return this.adapterStep(principal, name, 'DISABLE', options, async (_tx, adapter) => {
      if (adapter.status === 'DISABLED') refuseTransition(name, 'DISABLE', adapter.status);
      return 'DISABLED';
    });
  }

  /** Puts a DISABLED adapter back where it was (ACTIVE with its active version, if it had one). */
  async enable(principal: Principal, name: string, options: StepOptions = {}) {
    return this.adapterStep(principal, name, 'ENABLE', options, async (tx, adapter) => {
      if (adapter.status !== 'DISABLED') refuseTransition(name, 'ENABLE', adapter.status);
      const versions = await tx.adapterVersion.findMany({ where: { adapterName: name }, select: { status: true } });
      return statusWhenEnabled(adapter.activeVersion, versions.map((v) => v.status));
    });
  }

  /** Grants `clientId` (an account id, `agency:<code>` or `role:OPERATOR`) the use of the adapter. */
  async grant(principal: Principal, name: string, clientId: string) {
    if (!CLIENT_ID.test(clientId)) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, { en: `Not a client id: ${clientId}`, vi: `Mã bên sử dụng không hợp lệ: ${clientId}`, details: { field: 'clientId' } });
    }
    return this.grantStep(principal, name, 'GRANT', clientId, async (tx) => {
      await tx.adapterAccessGrant.upsert({
        where: { adapterName_clientId: { adapterName: name, clientId } },
        create: { adapterName: name, clientId, grantedBy: principal.id },
        update: {},
      });
    });
  }

  async revoke(principal: Principal, name: string, clientId: string) {
    return this.grantStep(principal, name, 'REVOKE', clientId, async (tx) => {
      await tx.adapterAccessGrant.deleteMany({ where: { adapterName: name, clientId } });
    });
  }

  /** The adapter's row; ADAPTER_NOT_FOUND when there is none. */
  async find(name: string): Promise<AdapterRow> {
    const row = await this.deps.prisma.registeredAdapter.findUnique({ where: { name } });
    if (!row) throw notFound(name);
    return row;
  }

  private async grantStep(principal: Principal, name: string, action: 'GRANT' | 'REVOKE', clientId: string, apply: (tx: Tx) => Promise<void>) {
    return this.step(name, principal, async (tx, adapter) => {
      assertMayManage(principal, 'GRANT', adapter!.ownerAgencyCode);
      await apply(tx);
      return { row: adapter!, action, version: null, fromStatus: null, toStatus: null, note: clientId, result: adapter! };
    });
  }

  private async versionStep(
    principal: Principal,
    name: string,
    version: number,
    versionAction: 'APPROVE' | 'REJECT' | 'ACTIVATE',
    options: StepOptions,
    apply: (tx: Tx, adapter: AdapterRow) => Promise<AdapterStatus>,
    action: LifecycleAction = versionAction,
  ) {
    assertMayManage(principal, 'OPERATE', null);
    return this.step(name, principal, async (tx, adapter) => {
      checkRowVersion(adapter!, options);
      const row = await tx.adapterVersion.findUnique({ where: { adapterName_version: { adapterName: name, version } } });
      if (!row) throw new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { en: `Adapter ${name} has no version ${version}.`, vi: `Bộ chuyển đổi ${name} không có phiên bản ${version}.`, details: { adapter: name, version } });
      assertVersionStep(name, versionAction, version, row.status);
      const status = await apply(tx, adapter!);
      const updated = await tx.registeredAdapter.update({
        where: { name },
        data: { status, activeVersion: versionAction === 'ACTIVATE' ? version : adapter!.activeVersion, rowVersion: { increment: 1 } },
      });
      const toStatus = { APPROVE: 'APPROVED', REJECT: 'REJECTED', ACTIVATE: 'ACTIVE' }[versionAction];
      return { row: updated, action, version, fromStatus: row.status, toStatus, note: options.note, result: updated };
    });
  }

  private async adapterStep(principal: Principal, name: string, action: LifecycleAction, options: StepOptions, next: (tx: Tx, adapter: AdapterRow) => Promise<AdapterStatus>) {
    assertMayManage(principal, 'OPERATE', null);
    return this.step(name, principal, async (tx, adapter) => {
      checkRowVersion(adapter!, options);
      const status = await next(tx, adapter!);
      const updated = await tx.registeredAdapter.update({ where: { name }, data: { status, rowVersion: { increment: 1 } } });
      return { row: updated, action, version: null, fromStatus: adapter!.status, toStatus: status, note: options.note, result: updated };
    });
  }

  /** Runs one step in a transaction that also appends the lifecycle event and the outbox event. */
  private async step<R>(
    name: string,
    principal: Principal,
    run: (tx: Tx, adapter: AdapterRow | null) => Promise<{ row: AdapterRow; action: LifecycleAction; version: number | null; fromStatus: string | null; toStatus: string | null; note?: string; result: R }>,
    options: { allowMissing?: boolean } = {},
  ): Promise<R> {
    const result = await this.deps.prisma.$transaction(async (tx) => {
      // Locks the row, so two steps on one adapter apply one after the other.
      const locked = await tx.$queryRaw<Array<{ name: string }>>`SELECT name FROM registered_adapter WHERE name = ${name} FOR UPDATE`;
      const adapter = locked.length ? await tx.registeredAdapter.findUnique({ where: { name } }) : null;
      if (!adapter && !options.allowMissing) throw notFound(name);
      const done = await run(tx, adapter);
      const at = new Date();
      await tx.adapterLifecycleEvent.create({
        data: { adapterName: name, version: done.version, action: done.action, fromStatus: done.fromStatus, toStatus: done.toStatus, actor: principal.id, note: done.note ?? null, at },
      });
      await appendOutboxEvent<AdapterLifecycleEvent>(tx, {
        topic: ADAPTER_LIFECYCLE_TOPIC,
        key: name,
        payload: {
          adapter: name,
          action: done.action,
          version: done.version,
          fromStatus: done.fromStatus,
          toStatus: done.toStatus,
          status: done.row.status as AdapterStatus,
          activeVersion: done.row.activeVersion,
          actor: principal.id,
          at: at.toISOString(),
        },
      });
      return done.result;
    }, TRANSACTION).catch((err: unknown) => {
      // Two first registrations of one name raced: the loser retries and becomes version 2.
      if ((err as { code?: string })?.code === 'P2002') throw new LienthongError(ErrorCode.CONFLICT, { cause: err, details: { adapter: name } });
      throw err;
    });
    (this.deps.outbox ?? NO_RELAY).kick();
    this.deps.onChanged?.(name);
    return result;
  }
}

function notFound(name: string): LienthongError {
  return new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { details: { adapter: name } });
}

function checkRowVersion(adapter: AdapterRow, options: StepOptions): void {
  if (options.expectedRowVersion !== undefined && options.expectedRowVersion !== adapter.rowVersion) {
    throw new LienthongError(ErrorCode.CONFLICT, { details: { adapter: adapter.name, rowVersion: adapter.rowVersion } });
  }
}
