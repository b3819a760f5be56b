/** National public service portal (Cổng Dịch vụ công quốc gia): dossier sync client, wire format, simulator. */
export { createNationalPortalClient } from './national-portal-client';
export type { NationalPortalClient, NationalPortalClientOptions } from './national-portal-client';
export {
  NATIONAL_PORTAL_SYSTEM,
  PORTAL_STATUS_CODES,
  maskPersonalId,
  portalChannelOf,
  portalStatusOf,
} from './portal-wire';
export type { PortalAnswer, PortalDossierRecord, PortalProgressUpdate } from './portal-wire';
export { createNationalPortalSimulator } from './simulator/national-portal-simulator';
export type {
  NationalPortalSimulator,
  NationalPortalSimulatorOptions,
  PortalFailureMode,
  PortalReceivedMessage,
} from './simulator/national-portal-simulator';
