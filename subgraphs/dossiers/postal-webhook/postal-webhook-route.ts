/** Mounts the carrier's tracking webhook, an HTTP route outside GraphQL: the carrier has no gateway token. */
import express, { type NextFunction, type Request, type Response } from 'express';
import { POSTAL_SIGNATURE_HEADER } from '../../../adapters/postal';
import { LienthongError } from '../../shared/errors';
import type { PostalWebhookHandler } from './postal-webhook-handler';

export const POSTAL_WEBHOOK_PATH = '/webhooks/postal-carrier';

export function mountPostalWebhook(app: express.Express, handler: PostalWebhookHandler, logger: Pick<Console, 'warn' | 'error'> = console): void {
  // Raw bytes: the signature is over the body exactly as sent, whatever its content type says.
  app.post(POSTAL_WEBHOOK_PATH, express.raw({ type: () => true, limit: '64kb' }), async (req: Request, res: Response) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.status(200).json(await handler.handle(body, req.headers[POSTAL_SIGNATURE_HEADER]));
    } catch (err) {
      if (err instanceof LienthongError) {
        const status = (err.extensions.http as { status: number }).status;
        res.status(status).json({ code: err.code, message: err.message, ...(err.extensions.reason ? { reason: err.extensions.reason } : {}) });
        return;
      }
      logger.error('[postal-webhook] could not apply a tracking event:', err);
      // 5xx: the carrier resends, and the event is applied then.
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
    }
  });
  app.use(POSTAL_WEBHOOK_PATH, (err: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    logger.warn(`[postal-webhook] rejected: unreadable body (${err.type ?? 'unknown'})`);
    res.status(err.status && err.status < 500 ? err.status : 400).json({ code: err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT' });
  });
}
