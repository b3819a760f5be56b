/**
 * A mail server for development and tests (SMTP on its own port, the smtp-server package) that keeps
 * every message it accepts, decoded, so tests can read what an applicant would receive. It can be
 * told to refuse mail for a while (421 or 451: temporary, as a busy server answers) or for good (550).
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { readMessage } from './mime-reader';

export interface MailServerSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Largest message accepted, in bytes. @default 1048576 */
  maxMessageBytes?: number;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  raw: string;
  receivedAt: Date;
}

export interface MailServerSimulator {
  start(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
  /** The next `count` messages are refused with `code` (default 451, temporary). */
  failNext(count: number, code?: number): void;
  /** Messages accepted, oldest first. */
  messages(): ReceivedMail[];
}

export function createMailServerSimulator(options: MailServerSimulatorOptions = {}): MailServerSimulator {
  const host = options.host ?? '127.0.0.1';
  const maxMessageBytes = options.maxMessageBytes ?? 1024 * 1024;
  const received: ReceivedMail[] = [];
  let failures = { left: 0, code: 451 };

  const refusal = (): Error | null => {
    if (failures.left <= 0) return null;
    failures.left -= 1;
    return Object.assign(new Error('Hệ thống thư tạm thời không nhận thư (giả lập)'), { responseCode: failures.code });
  };

  const server = new SMTPServer({
    // A local simulator: no TLS certificate to trust, no accounts.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Lienthong mail simulator',
    size: maxMessageBytes,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('Thư quá lớn'), { responseCode: 552 }));
        const failure = refusal();
        if (failure) return callback(failure);
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = readMessage(raw);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: message.subject,
          messageId: message.messageId,
          text: message.text,
          raw,
          receivedAt: new Date(),
        });
        callback(null);
      });
    },
  });
  server.on('error', (err) => console.error('[mail-simulator]', err.message));

  return {
    failNext: (count, code = 451) => void (failures = { left: count, code }),
    messages: () => received.map((m) => ({ ...m, to: [...m.to] })),
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(options.port ?? 0, host, () => resolve());
      });
      const { port } = server.server.address() as AddressInfo;
      return { url: `smtp://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, port };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
