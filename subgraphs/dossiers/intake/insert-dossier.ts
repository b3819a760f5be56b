/**
 * Writes new dossiers in ONE SQL statement: the receipt numbers of the agency's day (unless legacy
 * codes are kept), the dossiers, their first history rows, first workflow steps and outbox events.
 * Intake is the hub's hottest write and the receipt-number row is its one point of contention: as
 * one statement the row lock lasts a single round trip, and several submissions to the same agency
 * share one statement and one commit (intake-batcher.ts). Rows travel as one JSON parameter, typed by
 * jsonb_to_recordset's column list. Attachments, when there are any, follow in the same transaction.
 */
import type { PrismaClient } from '../../shared/storage/database';
import type { IsoDate } from '../../shared/calendar/working-days';
import { DOSSIER_STATUS_TOPIC, statusEvent } from '../events/dossier-status-event';
import type { DossierRow } from '../dossier/dossier.mapper';
import type { DossierTx } from '../dossier/dossier-transition';

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

// Every column of `dossier` a new row sets, with its SQL type (the migration's). Typed against the
// model: a column added to the schema without a line here does not compile.
const DOSSIER_COLUMNS: Record<keyof NewDossierColumns | 'code' | 'version' | 'createdAt' | 'updatedAt', string> = {
  id: 'text',
  code: 'text',
  legacySystem: 'text',
  procedureCode: 'text',
  procedureVersion: 'integer',
  agencyCode: 'text',
  handlingAgencyCode: 'text',
  applicantPersonalId: 'text',
  applicantUserId: 'text',
  subjectTaxCode: 'text',
  caseCode: 'text',
  channel: 'text',
  status: 'text',
  formData: 'jsonb',
  feeVnd: 'integer',
  receivedAt: 'timestamp(3)',
  appointmentAt: 'timestamp(3)',
  idempotencyKey: 'text',
  workflowVersion: 'integer',
  currentStep: 'text',
  pausedAt: 'timestamp(3)',
  completedAt: 'timestamp(3)',
  returnMethod: 'text',
  postalAddress: 'text',
  dueSoonNotifiedAt: 'timestamp(3)',
  overdueNotifiedAt: 'timestamp(3)',
  version: 'integer',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
};
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const NAMES = Object.keys(DOSSIER_COLUMNS).map(snake);
const RECORD_TYPE = Object.entries(DOSSIER_COLUMNS)
  .map(([key, type]) => `${snake(key)} ${type}`)
  .join(', ');
// Per row besides the dossier: its number among the numbered rows, history, step and event.
const EXTRA_TYPE =
  'ord integer, legacy_code text, h_actor text, h_note text, h_at timestamp(3), ' +
  's_key text, s_name text, s_role text, s_agency text, s_started timestamp(3), s_due timestamp(3), event jsonb';

const STATEMENT = `
  WITH x AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE}, ${EXTRA_TYPE})
  ), seq AS (
    INSERT INTO receipt_sequence (agency_code, day, last_number)
    SELECT $2::text, $3::text, $4::integer WHERE $4::integer > 0
    ON CONFLICT (agency_code, day) DO UPDATE SET last_number = receipt_sequence.last_number + EXCLUDED.last_number
    RETURNING last_number
  ), numbered AS (
    SELECT x.*, COALESCE(x.legacy_code, $2::text || '-' || $5::text || '-' ||
      (SELECT CASE WHEN n < 10000 THEN lpad(n::text, 4, '0') ELSE n::text END
         FROM (SELECT seq.last_number - $4::integer + x.ord AS n FROM seq) AS s)) AS new_code
    FROM x
  ), d AS (
    INSERT INTO dossier (${NAMES.join(', ')})
    SELECT ${NAMES.map((n) => (n === 'code' ? 'new_code' : n)).join(', ')} FROM numbered
    RETURNING id, code
  ), h AS (
    INSERT INTO dossier_status_change (dossier_id, from_status, to_status, actor, note, step_key, at)
    SELECT id, NULL, status, h_actor, h_note, s_key, h_at FROM x
    RETURNING id, dossier_id
  ), s AS (
    INSERT INTO dossier_step (dossier_id, step_key, step_name, role, agency_code, started_at, due_at)
    SELECT id, s_key, s_name, s_role, s_agency, s_started, s_due FROM x WHERE s_key IS NOT NULL
    RETURNING id
  ), o AS (
    INSERT INTO outbox_event (topic, key, payload, created_at)
    SELECT '${DOSSIER_STATUS_TOPIC}', d.code,
           jsonb_set(jsonb_set(x.event, '{id}', to_jsonb(h.id::text)), '{dossierCode}', to_jsonb(d.code)), x.created_at
    FROM x JOIN d ON d.id = x.id JOIN h ON h.dossier_id = x.id
    ORDER BY x.ord
    RETURNING id
  )
  SELECT d.id, d.code, h.id AS change_id FROM d JOIN h ON h.dossier_id = d.id`;

function rowOf(dossier: NewDossier, ord: number) {
  const { columns, history, firstStep, now } = dossier;
  const row = { ...columns, code: null, version: 1, createdAt: now, updatedAt: now };
  // The event's shape comes from statusEvent(); the statement fills in the ids it assigns.
  const event = statusEvent({ ...row, code: '' }, {
    id: 0n,
    dossierId: columns.id,
    fromStatus: null,
    toStatus: columns.status,
    actor: history.actor,
    note: history.note,
    stepKey: firstStep?.stepKey ?? null,
    at: history.at,
  });
  return {
    ...Object.fromEntries(Object.entries(row).map(([key, value]) => [snake(key), value])),
    ord,
    legacy_code: dossier.legacyCode,
    h_actor: history.actor,
    h_note: history.note,
    h_at: history.at,
    s_key: firstStep?.stepKey ?? null,
    s_name: firstStep?.stepName ?? null,
    s_role: firstStep?.role ?? null,
    s_agency: firstStep?.agencyCode ?? null,
    s_started: firstStep?.startedAt ?? null,
    s_due: firstStep?.dueAt ?? null,
    event,
  };
}

/**
 * Inserts dossiers of ONE agency and local day (receipt numbers consecutive in the given order;
 * legacy codes take none). All or nothing: any failure rolls the whole statement back, numbers too.
 */
export async function insertDossiers(db: PrismaClient | DossierTx, dossiers: readonly NewDossier[]): Promise<InsertedDossier[]> {
  const first = dossiers[0];
  let numbered = 0;
  const rows = dossiers.map((d) => rowOf(d, d.legacyCode ? 0 : ++numbered));
  const yymmdd = first.receivedDay.slice(2).replaceAll('-', '');
  const result = await db.$queryRawUnsafe<Array<{ id: string; code: string; change_id: bigint }>>(
    STATEMENT,
    JSON.stringify(rows),
    first.columns.agencyCode,
    first.receivedDay,
    numbered,
    yymmdd,
  );
  const byId = new Map(result.map((r) => [r.id, r]));
  return dossiers.map((d) => {
    const { code, change_id } = byId.get(d.columns.id)!;
    return { dossier: { ...d.columns, code, version: 1, createdAt: d.now, updatedAt: d.now }, changeId: change_id };
  });
}

/** One dossier: see {@link insertDossiers}. */
export async function insertDossier(db: PrismaClient | DossierTx, dossier: NewDossier): Promise<InsertedDossier> {
  const [inserted] = await insertDossiers(db, [dossier]);
  return inserted;
}

