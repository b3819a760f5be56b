/** Notifications to applicants (SMS, e-mail) about their dossiers' events, and who was told what. */
import { PostalReturnResolver } from '../postal';
import { DossierNotificationResolver } from './notification.resolver';

export { NotificationDispatcher, NotificationStatus, RECIPIENT_FIELDS, type NotificationDispatcherDeps, type NotificationDispatcherOptions } from './notification-dispatcher';
export {
  NotificationTemplate,
  SMS_MAX_LENGTH,
  formatAppointment,
  renderNotification,
  type NotifiableEvent,
  type NotificationSubject,
  type RenderedNotification,
} from './notification-templates';
export { DossierNotification, NotificationChannelKind } from './notification.types';

/**
 * Resolvers of this part of the dossiers subgraph (notifications, and the postal return that shares
 * the carrier side of it), registered by buildDossiersSchema.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const NOTIFICATION_RESOLVERS: Function[] = [DossierNotificationResolver, PostalReturnResolver];
