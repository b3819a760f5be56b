/** Postal carrier (bưu chính, VNPost style): REST/JSON client, address and tracking-code rules, simulator. */
export { createPostalClient } from './postal-client';
export type { PostalClient, PostalClientOptions } from './postal-client';
export {
  POSTAL_SYSTEM,
  PostalTrackingStatus,
  TRACKING_STATUSES,
  fromDonHang,
  fromHanhTrinh,
  isTrackingStatus,
  toWireOrder,
} from './postal-order';
export type { PostalOrder, PostalOrderKind, PostalOrderRequest, PostalParty, PostalTracking, PostalTrackingEvent } from './postal-order';
export { VIETNAM_PROVINCES, findProvince, formatPostalAddress, parsePostalAddress, provinceByCode } from './postal-address';
export type { PostalAddress } from './postal-address';
export { formatTrackingCode, isValidTrackingCode, s10CheckDigit } from './tracking-code';
export { createPostalSimulator } from './simulator/postal-simulator';
export type { PostalSimulator, PostalSimulatorOptions, PostalSimulatorOrder, PostalSimulatorTrackingEvent } from './simulator/postal-simulator';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  POSTAL_SIGNATURE_HEADER,
  parsePostalWebhook,
  signPostalWebhook,
  verifyPostalWebhook,
} from './webhook-signature';
export type { PostalWebhookBody, PostalWebhookEvent, VerifyWebhookOptions, WebhookVerdict } from './webhook-signature';
export type { PostalWebhookStats } from './simulator/postal-simulator';
