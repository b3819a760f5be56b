/** Notifications to applicants: one Notifier interface, brandname SMS and SMTP e-mail, and their simulators. */
export { normalizeEmailAddress, normalizeVietnameseMobile, withoutDiacritics } from './notifier';
export type { NotificationChannel, NotificationMessage, Notifier } from './notifier';
export { SMS_SYSTEM, createSmsNotifier } from './sms/sms-notifier';
export type { SmsNotifierOptions } from './sms/sms-notifier';
export { createSmsGatewaySimulator, smsSegments } from './sms/sms-gateway-simulator';
export type { SentSms, SmsGatewaySimulator, SmsGatewaySimulatorOptions } from './sms/sms-gateway-simulator';
export { SMTP_SYSTEM, createSmtpNotifier } from './email/smtp-notifier';
export type { SmtpNotifierOptions } from './email/smtp-notifier';
export { createMailServerSimulator } from './email/mail-server-simulator';
export type { MailServerSimulator, MailServerSimulatorOptions, ReceivedMail } from './email/mail-server-simulator';
export { decodeHeaderValue, readMessage } from './email/mime-reader';
export type { ReadMessage } from './email/mime-reader';
