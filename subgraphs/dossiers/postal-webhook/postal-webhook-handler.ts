/**
 * Receives the postal carrier's signed tracking webhook. Trusts nothing but a valid signature over the
 * raw body within 5 minutes of our clock; then stores the event once (PostalWebhookEvent, keyed by the
 * carrier's event id) and applies it to dossiers (postal-tracking-effects.ts). A replay of a stored
 * event is acknowledged and changes nothing. If applying fails, the stored event is removed again and
 * the carrier is answered 5xx, so its retry applies it (the effects are idempotent themselves).
 */
import { parsePostalWebhook, verifyPostalWebhook, type PostalClient, type PostalWebhookEvent } from '../../../adapters/postal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersServices } from '../context';
import { applyTrackingEvent, type TrackingEffect } from './postal-tracking-effects';

export interface PostalWebhookOptions {
  /** Secret agreed with the carrier (POSTAL_WEBHOOK_SECRET). */
  secret: string;
  /** Accepted distance between the signed timestamp and our clock, in seconds. @default 300 */
  toleranceSeconds?: number;
  /** Our clock. @default () => new Date() */
  now?: () => Date;
  /** Where rejections are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
}

export interface PostalWebhookAcknowledgement {
  received: true;
  eventId: string;
  /** True when the event had been received before: nothing was done this time. */
  duplicate: boolean;
  effect?: TrackingEffect;
}

export class PostalWebhookHandler {
  private readonly now: () => Date;
  private readonly logger: Pick<Console, 'warn' | 'error'>;

  constructor(
    private readonly services: DossiersServices & { postal: PostalClient },
    private readonly options: PostalWebhookOptions,
  ) {
    if (!options.secret) throw new Error('the postal webhook needs a secret');
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger ?? console;
  }

  async handle(rawBody: Buffer, signature: unknown): Promise<PostalWebhookAcknowledgement> {
    const now = this.now();
    const verdict = verifyPostalWebhook(signature, rawBody, this.options.secret, {
      nowSeconds: Math.floor(now.getTime() / 1000),
      toleranceSeconds: this.options.toleranceSeconds,
    });
    if (!verdict.valid) {
      this.logger.warn(`[postal-webhook] rejected: signature ${verdict.reason}`);
      throw new LienthongError(ErrorCode.INVALID_SIGNATURE, {
        vi: verdict.reason === 'STALE' ? 'Chữ ký đã quá hạn (lệch quá 5 phút).' : 'Chữ ký của bưu chính không hợp lệ.',
        en: verdict.reason === 'STALE' ? 'The signature is outside the 5-minute window.' : "The carrier's signature is not valid.",
        details: { reason: verdict.reason },
      });
    }
    const event = parsePostalWebhook(parseJson(rawBody));
    if (!event) {
      this.logger.warn('[postal-webhook] rejected: signed body not understood');
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: 'Nội dung thông báo hành trình không hợp lệ.',
        en: 'The tracking notification is not understood.',
        details: { field: 'body' },
      });
    }
    if (!(await this.store(event, rawBody))) return { received: true, eventId: event.eventId, duplicate: true };
    try {
      const effect = await applyTrackingEvent(this.services, event, now);
      return { received: true, eventId: event.eventId, duplicate: false, effect };
    } catch (err) {
      await this.services.prisma.postalWebhookEvent.deleteMany({ where: { id: event.eventId } }).catch(() => undefined);
      throw err;
    }
  }

  /** False when the event was stored before (a replay or a resend). */
  private async store(event: PostalWebhookEvent, rawBody: Buffer): Promise<boolean> {
    try {
      await this.services.prisma.postalWebhookEvent.create({
        data: { id: event.eventId, trackingCode: event.tracking.trackingCode, status: event.tracking.status, payload: JSON.parse(rawBody.toString('utf8')) },
      });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return false;
      throw err;
    }
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
