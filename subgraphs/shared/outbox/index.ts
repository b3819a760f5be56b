export { appendOutboxEvent, NO_RELAY, type OutboxMessage, type OutboxNotifier, type OutboxWriter, type Published } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { OutboxTail, parseCursor, type OutboxRecord, type OutboxSubscription, type OutboxTailOptions } from './outbox-tail';
