/**
 * The JSON body parser of every GraphQL endpoint (gateway and subgraphs), with its refusals as
 * GraphQL-shaped typed errors instead of Express's HTML pages: an oversize body is PAYLOAD_TOO_LARGE
 * (413) and malformed JSON is BAD_USER_INPUT (400). The limit is sized for dossier attachments: a
 * 10 MiB file is about 13.4 MB of base64.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode, LienthongError } from '../errors';

/** Largest request body accepted. @default 16 MiB */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** The answer to a body that is too large or not JSON: a GraphQL-shaped typed error and its status. */
export function bodyRefusal(code: ErrorCode.PAYLOAD_TOO_LARGE | ErrorCode.BAD_USER_INPUT, limitBytes?: number): { status: number; body: { errors: object[] } } {
  const error =
    code === ErrorCode.PAYLOAD_TOO_LARGE
      ? new LienthongError(code, { details: { maxBytes: limitBytes } })
      : new LienthongError(code, { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' });
  return {
    status: (error.extensions.http as { status: number }).status,
    body: { errors: [{ message: error.message, extensions: error.extensions }] },
  };
}

const refusal: ErrorRequestHandler = (err, _req, res, next) => {
  const type = (err as { type?: string }).type;
  const code =
    type === 'entity.too.large' ? ErrorCode.PAYLOAD_TOO_LARGE : type === 'entity.parse.failed' ? ErrorCode.BAD_USER_INPUT : undefined;
  if (!code) return next(err);
  const { status, body } = bodyRefusal(code, (err as { limit?: number }).limit);
  res.status(status).json(body);
};

/** The parser and its error mapper, to mount before the GraphQL middleware. */
export function graphqlJsonBody(limitBytes = MAX_REQUEST_BYTES): Array<RequestHandler | ErrorRequestHandler> {
  return [express.json({ limit: limitBytes }), refusal];
}
