/**
 * Every WebSocket close code the gateway's graphql-ws endpoint uses, in one place, so dashboards
 * and operators can tell why a connection ended. The hub's own codes live in the private-use range
 * 4000–4999, outside the 44xx/45xx codes graphql-ws uses for protocol errors.
 */
import { CloseCode } from 'graphql-ws';

export enum HubCloseCode {
  /** Normal shutdown of the gateway (WebSocket "going away"): reconnect to another instance. */
  GoingAway = 1001,
  /** graphql-ws: a message did not follow the protocol. */
  BadRequest = CloseCode.BadRequest,
  /** graphql-ws: subscribed before `connection_ack`. */
  Unauthorized = CloseCode.Unauthorized,
  /** The access token in `connection_init` is missing or invalid (reason "Invalid access token"). */
  Forbidden = CloseCode.Forbidden,
  /** graphql-ws: no `connection_init` within the allowed time. */
  ConnectionInitialisationTimeout = CloseCode.ConnectionInitialisationTimeout,
  /** graphql-ws: a subscription id was reused while still active. */
  SubscriberAlreadyExists = CloseCode.SubscriberAlreadyExists,
  /** graphql-ws: `connection_init` sent twice. */
  TooManyInitialisationRequests = CloseCode.TooManyInitialisationRequests,
  /** graphql-ws: an unexpected failure in the gateway. */
  InternalServerError = CloseCode.InternalServerError,
  /**
   * The client read its events too slowly: its queue exceeded `maxQueuedEvents` or its socket's
   * send buffer exceeded `maxBufferedBytes`. Reconnect and resume with the cursor of the last event
   * received (`dossierEvents(after: …)`); the missed events are replayed from the outbox.
   */
  SlowConsumer = 4530,
  /**
   * The client did not answer a WebSocket ping within one heartbeat interval. Never seen on the
   * wire: a dead peer cannot read a close frame, so the socket is terminated (the client sees
   * 1006); the code names the cause in logs and statistics.
   */
  HeartbeatTimeout = 4531,
}

/** Human-readable reasons sent with the hub's own close codes (at most 123 bytes). */
export const HUB_CLOSE_REASONS = {
  [HubCloseCode.SlowConsumer]: 'Slow consumer: reconnect and resume with the last cursor',
  [HubCloseCode.HeartbeatTimeout]: 'Heartbeat timeout',
} as const;
