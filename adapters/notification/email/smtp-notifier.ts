/**
 * E-mail over real SMTP (nodemailer), on the adapter kit's upstream so it has the same circuit
 * breaker, deadline and metrics as the other adapters. SMTP failures become AdapterErrors: a 4xx
 * reply or a lost connection is retryable (UNAVAILABLE, TIMEOUT), a 5xx reply is not (FAULT).
 */
import { createTransport } from 'nodemailer';
import { AdapterError, createUpstream, type AdapterMetrics, type CircuitBreakerOptions, type Upstream, type UpstreamTransport } from '../../kit';
import { normalizeEmailAddress, type NotificationMessage, type Notifier } from '../notifier';

export const SMTP_SYSTEM = 'SMTP';

export interface SmtpNotifierOptions {
  /** SMTP server, `smtp://user:pass@host:port` (or `smtps://` for implicit TLS). */
  url: string;
  /** Sender, e.g. `Lienthong <no-reply@lienthong.local>`. */
  from: string;
  /** Time allowed for connecting, the greeting and each reply, and for the whole send, in ms. @default 10000 */
  timeoutMs?: number;
  /** Circuit breaker, or false for none. @default the kit's */
  circuit?: CircuitBreakerOptions | false;
  /** Where calls are counted and timed. @default a registry of this notifier's own */
  metrics?: AdapterMetrics;
}

type Mailer = ReturnType<typeof createTransport>;

function toAdapterError(err: unknown): AdapterError {
  if (err instanceof AdapterError) return err;
  const { code, responseCode, message } = (err ?? {}) as { code?: string; responseCode?: number; message?: string };
  const text = `${code ?? 'ERROR'}${responseCode ? ` ${responseCode}` : ''}: ${message ?? String(err)}`;
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) return new AdapterError('UNAVAILABLE', SMTP_SYSTEM, text, { cause: err });
  if (responseCode !== undefined && responseCode >= 500) return new AdapterError('FAULT', SMTP_SYSTEM, text, { cause: err });
  if (code === 'ETIMEDOUT') return new AdapterError('TIMEOUT', SMTP_SYSTEM, text, { cause: err });
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ECONNREFUSED' || code === 'ECONNRESET') {
    return new AdapterError('UNAVAILABLE', SMTP_SYSTEM, text, { cause: err });
  }
  return new AdapterError('FAULT', SMTP_SYSTEM, text, { cause: err });
}

/** One SMTP exchange per message; nodemailer opens and closes the connection. */
class SmtpTransport implements UpstreamTransport<undefined, string> {
  readonly system = SMTP_SYSTEM;

  constructor(
    private readonly mailer: Mailer,
    private readonly from: string,
    private readonly messageIdDomain: string,
  ) {}

  async send(_operation: string, input: unknown, options: { timeoutMs: number }): Promise<string> {
    const message = input as NotificationMessage;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AdapterError('TIMEOUT', SMTP_SYSTEM, `no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    });
    try {
      const info = await Promise.race([
        this.mailer.sendMail({
          from: this.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          // A stable Message-ID lets the receiving side recognise a repeat of the same notification.
          messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${this.messageIdDomain}>`,
        }),
        deadline,
      ]);
      return info.messageId ?? '';
    } catch (err) {
      throw toAdapterError(err);
    } finally {
      clearTimeout(timer);
    }
  }
}

class SmtpNotifier implements Notifier {
  readonly channel = 'EMAIL' as const;
  private readonly mailer: Mailer;
  private readonly upstream: Upstream<undefined, string>;

  constructor(options: SmtpNotifierOptions) {
    const url = new URL(options.url);
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.mailer = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'lienthong.local';
    this.upstream = createUpstream({
      transport: new SmtpTransport(this.mailer, options.from, domain),
      timeoutMs,
      circuit: options.circuit,
      metrics: options.metrics,
    });
  }

  normalizeRecipient(value: string): string | null {
    return normalizeEmailAddress(value);
  }

  async send(message: NotificationMessage): Promise<{ providerRef: string }> {
    const to = normalizeEmailAddress(message.to);
    if (!to) throw new RangeError(`not an e-mail address: ${message.to}`);
    const messageId = await this.upstream.callUpstream('sendMail', { ...message, to }, { idempotent: false });
    if (!messageId) throw new AdapterError('BAD_RESPONSE', SMTP_SYSTEM, 'the server accepted the message without an id');
    return { providerRef: messageId };
  }

  async close(): Promise<void> {
    this.upstream.close();
    this.mailer.close();
  }
}

/** A notifier sending e-mail over SMTP. */
export function createSmtpNotifier(options: SmtpNotifierOptions): Notifier {
  return new SmtpNotifier(options);
}
