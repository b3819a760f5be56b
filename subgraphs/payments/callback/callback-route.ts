/** Mounts the provider's callback, an HTTP route outside GraphQL: the provider has no gateway token. */
import express, { type NextFunction, type Request, type Response } from 'express';
import { LienthongError } from '../../shared/errors';
import type { ProviderCallbackHandler } from './provider-callback';

export const PROVIDER_CALLBACK_PATH = '/callbacks/payment-provider';

/** The peer that connected: the provider calls server to server, so no forwarded header is believed. */
const remoteAddressOf = (req: Request) => req.socket.remoteAddress ?? undefined;

export function mountProviderCallback(
  app: express.Express,
  handler: ProviderCallbackHandler,
  logger: Pick<Console, 'warn' | 'error'> = console,
): void {
  app.post(PROVIDER_CALLBACK_PATH, express.json({ limit: '64kb' }), async (req: Request, res: Response) => {
    try {
      res.status(200).json(await handler.handle(req.body, { remoteAddress: remoteAddressOf(req) }));
    } catch (err) {
      if (err instanceof LienthongError) {
        const status = (err.extensions.http as { status: number }).status;
        res.status(status).json({ code: err.code, message: err.message });
        return;
      }
      logger.error('[payments] provider callback failed:', err);
      // 5xx: the provider retries later.
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
    }
  });
  // Bodies that are not JSON, or too large, never reach the handler; they are still logged.
  app.use(PROVIDER_CALLBACK_PATH, async (err: { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const reason = `unreadable body (${err.type ?? 'unknown'})`;
    logger.warn(`[payments] provider callback rejected: ${reason}`);
    await handler.logUnreadable({ remoteAddress: remoteAddressOf(req) }, reason);
    res.status(err.status && err.status < 500 ? err.status : 400).json({ code: 'BAD_USER_INPUT' });
  });
}
