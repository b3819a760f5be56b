/** Legacy one-stop software (VNPT-iGate style): REST/JSON client, status-code table, simulator. */
export { createLegacyOneStopClient, MAX_PAGE_SIZE } from './legacy-one-stop-client';
export type { LegacyOneStopClient, LegacyOneStopClientOptions, LegacyStatusUpdate } from './legacy-one-stop-client';
export { fromWireDossier, fromWirePage, LEGACY_ONE_STOP_SYSTEM, WIRE_CHANNEL } from './legacy-dossier';
export type { LegacyApplicant, LegacyChangePage, LegacyChannel, LegacyDossier, WireLegacyDossier } from './legacy-dossier';
export { HUB_DOSSIER_STATUSES, LegacyStatusTable, LegacyStatusTableError, unknownLegacyStatus } from './legacy-status-table';
export type { HubDossierStatus, LegacyStatus, LegacyStatusTableSource } from './legacy-status-table';
export { createLegacyOneStopSimulator, SIMULATOR_STATUSES } from './simulator/legacy-one-stop-simulator';
export type {
  LegacyOneStopSimulator,
  LegacyOneStopSimulatorOptions,
  NewSimulatedDossier,
  ReceivedStatusPush,
  SimulatedFailure,
} from './simulator/legacy-one-stop-simulator';
export { criminalRecordForm, LEGACY_CODE_PREFIX, SAMPLE_APPLICANT, SEED_DOSSIERS } from './simulator/seed-dossiers';
export type { SeedDossier } from './simulator/seed-dossiers';
