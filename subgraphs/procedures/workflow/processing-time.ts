/** The statutory processing time a workflow's longest path must fit in. */
import type { ProcedureRecord } from '../catalogue/procedure-record';
import { HOURS_PER_WORKING_DAY } from './workflow-definition';

/** The shape of a processing-time case as the catalogue publishes it (first = default case). */
interface ProcessingTimeCase {
  workingDays?: number | null;
  workingHours?: number | null;
}

/**
 * The default case's processing time in working hours: its `workingHours`, else its `workingDays`,
 * else the record's `processingDays`. A same-day procedure (0) gets one working day, the time the
 * one-stop desk has to hand the result back on the day of receipt.
 */
export function processingWorkingHours(record: Pick<ProcedureRecord, 'processingDays'>): number {
  // Read structurally: older records carry only `processingDays`.
  const first = (record as { processingTimes?: ProcessingTimeCase[] | null }).processingTimes?.[0];
  const hours =
    first?.workingHours ??
    (first?.workingDays != null ? first.workingDays * HOURS_PER_WORKING_DAY : record.processingDays * HOURS_PER_WORKING_DAY);
  return hours > 0 ? hours : HOURS_PER_WORKING_DAY;
}
