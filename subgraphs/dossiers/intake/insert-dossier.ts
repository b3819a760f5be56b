/**
 * Writes a new dossier in ONE SQL statement: the day's receipt number (unless a legacy code is kept),
 * the dossier, its first history row, its first workflow step and its outbox event. Intake is the
 * hub's hottest write and the receipt-number row is its one point of contention: as one statement the
 * row lock lasts a single round trip instead of a whole Prisma transaction (bench:submissions).
 * Attachments, when there are any, are written in the same transaction right after.
 */
import { Prisma } from '../../shared/storage/generated/client';
import type { PrismaClient } from '../../shared/storage/database';
import { DOSSIER_STATUS_TOPIC, statusEvent } from '../events/dossier-status-event';
import type { DossierRow } from '../dossier/dossier.mapper';
import type { DossierTx } from '../dossier/dossier-transition';
import type { IsoDate } from '../../shared/calendar/working-days';

const { sql, join, raw } = Prisma;

/** The columns a new dossier is given; code, version and timestamps are set here. */
export type NewDossierColumns = Omit<DossierRow, 'code' | 'version' | 'createdAt' | 'updatedAt'>;

export interface NewDossierStep {
  stepKey: string;
  stepName: string;
  role: string;
  agencyCode: string;
  startedAt: Date;
  dueAt: Date;
}

export interface NewDossier {
  columns: NewDossierColumns;
  /** A code kept from another system; null takes the next receipt number of the agency's day. */
  legacyCode: string | null;
  /** The local day whose sequence numbers the dossier. */
  receivedDay: IsoDate;
  history: { actor: string; note: string | null; at: Date };
  /** The workflow step that opens with the dossier, if any. @default none */
  firstStep?: NewDossierStep | null;
  now: Date;
}

export interface InsertedDossier {
  dossier: DossierRow;
  changeId: bigint;
}

// Column names as the migration created them, in the order of the values below.
const toColumn = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function dossierValues(columns: NewDossierColumns, now: Date) {
  const entries = Object.entries({ ...columns, version: 1, createdAt: now, updatedAt: now });
  const names = join(entries.map(([key]) => raw(`"${toColumn(key)}"`)));
  const values = join(
    entries.map(([key, value]) => (key === 'formData' ? sql`${JSON.stringify(value)}::jsonb` : sql`${value}`)),
  );
  return { names, values };
}

/** Runs the statement; `db` is the client or a transaction. Unique violations surface as Prisma's P2010/P2002. */
export async function insertDossier(db: PrismaClient | DossierTx, dossier: NewDossier): Promise<InsertedDossier> {
  const { columns, legacyCode, receivedDay, history, firstStep, now } = dossier;
  const { names, values } = dossierValues(columns, now);
  const yymmdd = receivedDay.slice(2).replaceAll('-', '');
  // The event's shape comes from statusEvent(); the statement fills in the ids it assigns.
  const draft = statusEvent({ ...columns, code: '', version: 1, createdAt: now, updatedAt: now }, {
    id: 0n,
    dossierId: columns.id,
    fromStatus: null,
    toStatus: columns.status,
    actor: history.actor,
    note: history.note,
    stepKey: firstStep?.stepKey ?? null,
    at: history.at,
  });
  // VALUES rather than SELECT lists, so parameters take the columns' types. Foreign keys are checked
  // at the end of the statement, when the dossier row exists.
  const step = firstStep
    ? sql`INSERT INTO dossier_step (dossier_id, step_key, step_name, role, agency_code, started_at, due_at)
          VALUES (${columns.id}, ${firstStep.stepKey}, ${firstStep.stepName}, ${firstStep.role}, ${firstStep.agencyCode},
                  ${firstStep.startedAt}, ${firstStep.dueAt}) RETURNING id`
    : sql`SELECT NULL::bigint AS id`;
  const rows = await db.$queryRaw<Array<{ code: string; change_id: bigint }>>`
    WITH seq AS (
      INSERT INTO receipt_sequence (agency_code, day, last_number)
      SELECT ${columns.agencyCode}, ${receivedDay}, 1 WHERE ${legacyCode}::text IS NULL
      ON CONFLICT (agency_code, day) DO UPDATE SET last_number = receipt_sequence.last_number + 1
      RETURNING last_number
    ), numbered AS (
      SELECT COALESCE(${legacyCode}::text, ${columns.agencyCode} || '-' || ${yymmdd} || '-' ||
        (SELECT CASE WHEN last_number < 10000 THEN lpad(last_number::text, 4, '0') ELSE last_number::text END FROM seq)) AS code
    ), d AS (
      INSERT INTO dossier (${names}, code) VALUES (${values}, (SELECT code FROM numbered)) RETURNING code
    ), h AS (
      INSERT INTO dossier_status_change (dossier_id, from_status, to_status, actor, note, step_key, at)
      VALUES (${columns.id}, NULL, ${columns.status}, ${history.actor}, ${history.note}, ${firstStep?.stepKey ?? null}, ${history.at})
      RETURNING id
    ), s AS (${step}), o AS (
      INSERT INTO outbox_event (topic, key, payload, created_at)
      SELECT ${DOSSIER_STATUS_TOPIC}::text, d.code,
             jsonb_set(jsonb_set(${JSON.stringify(draft)}::jsonb, '{id}', to_jsonb(h.id::text)), '{dossierCode}', to_jsonb(d.code)),
             ${now}::timestamp
      FROM d, h RETURNING id
    )
    SELECT d.code, h.id AS change_id FROM d, h, o, s`;
  const [row] = rows;
  return { dossier: { ...columns, code: row.code, version: 1, createdAt: now, updatedAt: now }, changeId: row.change_id };
}
