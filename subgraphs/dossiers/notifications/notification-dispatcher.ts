/**
 * Tells applicants about their dossier: subscribes to `dossier.status` and `dossier.deadline`, renders
 * the event's texts and sends them through every notifier whose channel the applicant gave an address
 * for (formData `soDienThoai` for SMS, `email` for e-mail).
 *
 * Idempotent per event and channel: before sending, a `dossier_notification` row is claimed with the
 * unique (event id = outbox id, channel); a replayed or duplicated event finds it and sends nothing.
 * The claim comes first, so a process that dies between claim and answer leaves the row SENDING and
 * the message is not sent again (at most once; a lost SMS is better than two). Retryable provider
 * failures are retried a bounded number of times; then the row says FAILED with the error. Nothing
 * here throws into the bus.
 */
import { logger } from '../../shared/logging';
import { randomUUID } from 'node:crypto';
import type { NotificationChannel, Notifier } from '../../../adapters/notification';
import { isAdapterError } from '../../../adapters/kit';
import type { EventBus, Unsubscribe } from '../../shared/events/bus';
import type { Published } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import type { ProcedureCatalogue } from '../../procedures';
import { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from '../events/dossier-status-event';
import { DOSSIER_DEADLINE_TOPIC, type DossierDeadlineEvent } from '../deadlines';
import { renderNotification, type NotifiableEvent, type NotificationSubject, type RenderedNotification } from './notification-templates';

export enum NotificationStatus {
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** formData members holding the applicant's address per channel. */
export const RECIPIENT_FIELDS: Record<NotificationChannel, string> = { SMS: 'soDienThoai', EMAIL: 'email' };

export interface NotificationDispatcherOptions {
  /** Attempts per message, the first included; only retryable failures are tried again. @default 3 */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each further one, in ms. @default 1000 */
  retryDelayMs?: number;
}

export interface NotificationDispatcherDeps {
  prisma: PrismaClient;
  catalogue: ProcedureCatalogue;
  notifiers: readonly Notifier[];
}

const MAX_ERROR_LENGTH = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describeError(err: unknown): string {
  const text = isAdapterError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
  return text.slice(0, MAX_ERROR_LENGTH);
}

export class NotificationDispatcher {
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: NotificationDispatcherDeps,
    options: NotificationDispatcherOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** Subscribes to both topics; the returned function unsubscribes and waits for sends in progress. */
  async subscribe(bus: EventBus): Promise<Unsubscribe> {
    const track = (work: Promise<void>) => {
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
      return work;
    };
    const offStatus = await bus.subscribe<Published<DossierStatusEvent>>(DOSSIER_STATUS_TOPIC, (e) => track(this.onStatus(e)));
    const offDeadline = await bus.subscribe<Published<DossierDeadlineEvent>>(DOSSIER_DEADLINE_TOPIC, (e) => track(this.onDeadline(e)));
    return async () => {
      await offStatus();
      await offDeadline();
      await Promise.allSettled([...this.inFlight]);
    };
  }

  onStatus(event: Published<DossierStatusEvent>): Promise<void> {
    return this.dispatch(event.outboxId, event.dossierCode, { kind: 'STATUS', fromStatus: event.fromStatus, toStatus: event.toStatus, note: event.note });
  }

  onDeadline(event: Published<DossierDeadlineEvent>): Promise<void> {
    return this.dispatch(event.outboxId, event.dossierCode, { kind: 'DEADLINE', deadline: event.kind });
  }

  private async dispatch(outboxId: string | undefined, dossierCode: string, event: NotifiableEvent): Promise<void> {
    try {
      // Without the outbox id a repeat could not be recognised: such an event is not notified.
      if (!outboxId || !/^\d+$/.test(outboxId)) return;
      const dossier = await this.deps.prisma.dossier.findUnique({ where: { code: dossierCode } });
      if (!dossier) return;
      const formData = (dossier.formData ?? {}) as Record<string, unknown>;
      const rendered = renderNotification(event, await this.subjectOf(dossier, formData));
      if (!rendered) return;
      await Promise.all(
        this.deps.notifiers.map((notifier) => this.notify(notifier, BigInt(outboxId), dossierCode, formData[RECIPIENT_FIELDS[notifier.channel]], rendered)),
      );
    } catch (err) {
      logger('notifications').error({ dossierCode, outboxId: String(outboxId), err }, 'event not notified');
    }
  }

  private async subjectOf(
    dossier: { id: string; code: string; procedureCode: string; agencyCode: string; appointmentAt: Date; feeVnd: number; returnMethod: string },
    formData: Record<string, unknown>,
  ): Promise<NotificationSubject> {
    const { prisma, catalogue } = this.deps;
    const [procedure, agency, result] = await Promise.all([
      catalogue.get(dossier.procedureCode).catch(() => null),
      prisma.agency.findUnique({ where: { code: dossier.agencyCode }, select: { name: true } }),
      prisma.dossierResult.findUnique({ where: { dossierId: dossier.id }, select: { postalTracking: true } }),
    ]);
    return {
      dossierCode: dossier.code,
      applicantName: typeof formData.hoTen === 'string' && formData.hoTen.trim() ? formData.hoTen.trim() : null,
      procedureName: procedure?.name ?? null,
      agencyName: agency?.name ?? null,
      appointmentAt: dossier.appointmentAt,
      feeVnd: dossier.feeVnd,
      returnMethod: dossier.returnMethod,
      postalTracking: result?.postalTracking ?? null,
    };
  }

  private async notify(notifier: Notifier, eventId: bigint, dossierCode: string, address: unknown, rendered: RenderedNotification): Promise<void> {
    if (typeof address !== 'string' || !address.trim()) return; // the applicant gave no address for this channel
    const recipient = notifier.normalizeRecipient(address);
    const id = randomUUID();
    const claimed = await this.deps.prisma.dossierNotification.createMany({
      data: [
        {
          id,
          dossierCode,
          eventId,
          channel: notifier.channel,
          recipient: recipient ?? address.slice(0, 254),
          template: rendered.template,
          status: recipient ? NotificationStatus.SENDING : NotificationStatus.FAILED,
          error: recipient ? null : `INVALID_RECIPIENT: ${notifier.channel === 'SMS' ? 'không phải số di động Việt Nam' : 'địa chỉ thư điện tử không hợp lệ'}`,
        },
      ],
      skipDuplicates: true,
    });
    if (claimed.count === 0 || !recipient) return;
    const message = {
      to: recipient,
      subject: rendered.subject,
      text: notifier.channel === 'SMS' ? rendered.sms : rendered.body,
      idempotencyKey: `${eventId}-${notifier.channel}`,
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { providerRef } = await notifier.send(message);
        await this.deps.prisma.dossierNotification.update({ where: { id }, data: { status: NotificationStatus.SENT, providerRef, error: null } });
        return;
      } catch (err) {
        const retryable = isAdapterError(err) && err.retryable;
        if (!retryable || attempt >= this.maxAttempts) {
          const error = `${describeError(err)} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'})`;
          await this.deps.prisma.dossierNotification.update({ where: { id }, data: { status: NotificationStatus.FAILED, error } });
          return;
        }
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
