/**
 * The event every dossier status change emits on the hub's bus (topic `dossier.status`), after its
 * transaction commits. Its id is the status-history row id: global and increasing, a replay cursor.
 */
import type { EventBus } from '../../shared/events/bus';
import type { DossierRow, StatusChangeRow } from '../dossier/dossier.mapper';

export const DOSSIER_STATUS_TOPIC = 'dossier.status';

export interface DossierStatusEvent {
  id: string;
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
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
    applicantPersonalId: dossier.applicantPersonalId,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    actor: change.actor,
    note: change.note,
    at: change.at.toISOString(),
  };
}

export async function publishStatusEvent(bus: EventBus, dossier: DossierRow, change: StatusChangeRow): Promise<void> {
  try {
    await bus.publish(DOSSIER_STATUS_TOPIC, statusEvent(dossier, change));
  } catch (err) {
    // The change is committed and in the history; a lost live notification must not fail the request.
    console.error(`[dossiers] could not publish status event ${change.id}:`, err);
  }
}
