/** Two-way sync with a legacy one-stop system (VNPT-iGate style): pull of dossiers, push-back of statuses. */
export { createLegacyOneStopSync, legacySyncPrincipal } from './legacy-one-stop-sync';
export type { LegacyOneStopSync, LegacyOneStopSyncOptions, LegacySyncPassResult } from './legacy-one-stop-sync';
export { LegacyImporter } from './legacy-import';
export type { LegacyPullOptions, LegacyPullResult } from './legacy-import';
export { LegacyStatusPusher, PushState } from './legacy-status-push';
export type { LegacyPushOptions, LegacyPushResult, StatusEventWithId } from './legacy-status-push';
