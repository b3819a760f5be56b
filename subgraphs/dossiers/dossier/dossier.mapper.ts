/** Rows as stored ↔ the GraphQL classes. */
import { localDay } from '../../shared/calendar/working-days';
import type { Dossier as DossierModel, DossierStatusChange as StatusChangeModel } from '../../shared/storage/generated/client';
import { Dossier, DossierStatusChange } from './dossier';
import type { DossierStatus, SubmissionChannel } from './dossier-status';

export type DossierRow = DossierModel;
export type StatusChangeRow = StatusChangeModel;

export function toDossier(row: DossierRow): Dossier {
  return Object.assign(new Dossier(), {
    id: row.id,
    code: row.code,
    procedureCode: row.procedureCode,
    procedureVersion: row.procedureVersion,
    agencyCode: row.agencyCode,
    applicantPersonalId: row.applicantPersonalId,
    channel: row.channel as SubmissionChannel,
    status: row.status as DossierStatus,
    formData: row.formData as Record<string, unknown>,
    feeVnd: row.feeVnd,
    receivedAt: row.receivedAt,
    appointmentDate: localDay(row.appointmentAt).day,
    appointmentAt: row.appointmentAt,
    version: row.version,
  });
}

export function toStatusChange(row: StatusChangeRow): DossierStatusChange {
  return Object.assign(new DossierStatusChange(), {
    id: row.id.toString(),
    fromStatus: row.fromStatus as DossierStatus | null,
    toStatus: row.toStatus as DossierStatus,
    actor: row.actor,
    note: row.note,
    at: row.at,
  });
}
