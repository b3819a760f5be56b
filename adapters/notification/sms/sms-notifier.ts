/**
 * Brandname SMS through an SMS gateway's REST/JSON API (as Vietnamese carriers' brandname gateways
 * offer): `POST /api/v1/sms/brandname` with the brandname, the number as 84xxxxxxxxx, the text and a
 * request id the gateway de-duplicates on; `x-api-key` authenticates. Sending is never retried here.
 */
import { AdapterError, type AdapterMetrics, type CircuitBreakerOptions } from '../../kit';
import { createRestUpstream, type JsonValue, type RestUpstream } from '../../rest';
import { normalizeVietnameseMobile, withoutDiacritics, type NotificationMessage, type Notifier } from '../notifier';

export const SMS_SYSTEM = 'SMS_BRANDNAME';

export interface SmsNotifierOptions {
  /** Base URL of the gateway, e.g. `http://localhost:4106`. */
  baseUrl: string;
  apiKey: string;
  /** Brandname registered for the sender, e.g. `LIENTHONG` or `UBND HANOI`. */
  brandname: string;
  /** Send Vietnamese with its diacritics (Unicode SMS: 70 characters a segment, not 160). @default false */
  unicode?: boolean;
  /** Time allowed for one call, in ms. @default 5000 */
  timeoutMs?: number;
  /** Circuit breaker, or false for none. @default the kit's */
  circuit?: CircuitBreakerOptions | false;
  /** Where calls are counted and timed. @default a registry of this notifier's own */
  metrics?: AdapterMetrics;
}

class SmsGatewayNotifier implements Notifier {
  readonly channel = 'SMS' as const;
  private readonly upstream: RestUpstream<JsonValue>;

  constructor(private readonly options: SmsNotifierOptions) {
    this.upstream = createRestUpstream({
      format: 'json',
      timeoutMs: options.timeoutMs ?? 5000,
      circuit: options.circuit,
      metrics: options.metrics,
      rest: {
        system: SMS_SYSTEM,
        baseUrl: options.baseUrl,
        headers: { 'x-api-key': options.apiKey },
        operations: { guiTinNhan: { method: 'POST', path: '/api/v1/sms/brandname' } },
      },
    });
  }

  normalizeRecipient(value: string): string | null {
    return normalizeVietnameseMobile(value);
  }

  async send(message: NotificationMessage): Promise<{ providerRef: string }> {
    const phone = normalizeVietnameseMobile(message.to);
    if (!phone) throw new RangeError(`not a Vietnamese mobile number: ${message.to}`);
    const { body } = await this.upstream.callUpstream(
      'guiTinNhan',
      {
        brandname: this.options.brandname,
        soDienThoai: phone,
        noiDung: this.options.unicode ? message.text : withoutDiacritics(message.text),
        unicode: this.options.unicode ?? false,
        maYeuCau: message.idempotencyKey,
      },
      { idempotent: false },
    );
    const ref = (body as { maTinNhan?: unknown } | null)?.maTinNhan;
    if (typeof ref !== 'string' || ref.length === 0) throw new AdapterError('BAD_RESPONSE', SMS_SYSTEM, 'no maTinNhan in the answer');
    return { providerRef: ref };
  }

  async close(): Promise<void> {
    this.upstream.close();
  }
}

/** A notifier sending brandname SMS through the gateway. */
export function createSmsNotifier(options: SmsNotifierOptions): Notifier {
  return new SmsGatewayNotifier(options);
}
