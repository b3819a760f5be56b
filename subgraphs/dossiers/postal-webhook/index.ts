/** The postal carrier's signed tracking webhook (VNPost style): verified, stored once, turned into dossier events. */
export { PostalWebhookHandler, type PostalWebhookAcknowledgement, type PostalWebhookOptions } from './postal-webhook-handler';
export { mountPostalWebhook, POSTAL_WEBHOOK_PATH } from './postal-webhook-route';
export { applyTrackingEvent, type TrackingEffect } from './postal-tracking-effects';
