/**
 * The event every dossier status change emits on the hub's bus (topic `dossier.status`). It is written
 * to the outbox in the change's own transaction and published by the relay after commit. Its `id` is
 * the status-history row id; the bus adds `outboxId`, the global replay cursor.
 */
import { appendOutboxEvent, type OutboxWriter } from '../../shared/outbox';
import type { DossierRow, StatusChangeRow } from '../dossier/dossier.mapper';

export const DOSSIER_STATUS_TOPIC = 'dossier.status';

export interface DossierStatusEvent {
  id: string;
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  /** The agency handling the dossier (another one while transferred, một cửa liên thông). */
  handlingAgencyCode: string | null;
  applicantPersonalId: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  note: string | null;
  at: string;
}

export function statusEvent(dossier: DossierRow, change: StatusChangeRow): DossierStatusEvent {
  return {
    id: change.id.toString(),
    dossierCode: dossier.code,
    procedureCode: dossier.procedureCode,
    agencyCode: dossier.agencyCode,
    handlingAgencyCode: dossier.handlingAgencyCode,
    applicantPersonalId: dossier.applicantPersonalId,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    actor: change.actor,
    note: change.note,
    at: change.at.toISOString(),
  };
}

/** Appends the status event of `change` to the outbox, inside the transaction that made the change. */
export function recordStatusEvent(tx: OutboxWriter, dossier: DossierRow, change: StatusChangeRow): Promise<bigint> {
  return appendOutboxEvent(tx, { topic: DOSSIER_STATUS_TOPIC, key: dossier.code, payload: statusEvent(dossier, change) });
}
