/**
 * One interface for every way the hub tells an applicant about their dossier (SMS, e-mail). A
 * notifier sends one message and returns the provider's reference, or throws an AdapterError whose
 * `retryable` says whether trying again may help; retrying and recording are the caller's.
 */

export type NotificationChannel = 'SMS' | 'EMAIL';

export interface NotificationMessage {
  /** Phone number or e-mail address, as `normalizeRecipient` returned it. */
  to: string;
  /** Subject line (e-mail); SMS sends only `text`. */
  subject: string;
  /** Plain text in Vietnamese. */
  text: string;
  /**
   * Stable id of this message (e.g. event id and channel): a provider that gets it twice delivers
   * once, so a retry after a lost answer sends nothing twice.
   */
  idempotencyKey: string;
}

export interface Notifier {
  readonly channel: NotificationChannel;
  /** The recipient in the form the provider takes, or null when it cannot be delivered to. */
  normalizeRecipient(value: string): string | null;
  /** Sends one message; returns the provider's reference. Throws AdapterError. */
  send(message: NotificationMessage): Promise<{ providerRef: string }>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/**
 * A Vietnamese mobile number (03x, 05x, 07x, 08x, 09x; with 0, 84 or +84) as `84xxxxxxxxx`, the form
 * SMS gateways take; null for anything else, landlines included (they receive no SMS).
 */
export function normalizeVietnameseMobile(value: string): string | null {
  const digits = value.replace(/[\s.\-()]/g, '');
  const match = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits);
  return match ? `84${match[1]}` : null;
}

/** A plausible e-mail address (one @, a dotted domain, no spaces), lower-cased domain; else null. */
export function normalizeEmailAddress(value: string): string | null {
  const text = value.trim();
  const match = /^([^\s@<>(),;:"]+)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i.exec(text);
  return match && text.length <= 254 ? `${match[1]}@${match[2].toLowerCase()}` : null;
}

/**
 * Vietnamese without diacritics (`Hồ sơ đã được tiếp nhận` → `Ho so da duoc tiep nhan`): brandname
 * SMS is sent in the GSM alphabet, where a Unicode message would cost more than twice the segments.
 */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
