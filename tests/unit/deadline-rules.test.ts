/** The deadline scanner's decisions, with a fixed clock and calendar (Asia/Ho_Chi_Minh, UTC+7). */
import { WorkingDayCalendar, type CalendarEntry } from '../../subgraphs/shared/calendar';
import { DeadlineKind, deadlineEventOwed, dueSoonHorizon, stepOverdue, type DeadlineSubject } from '../../subgraphs/dossiers/deadlines';

const entry = (day: string, kind: CalendarEntry['kind'], name: string): CalendarEntry => ({ day, kind, name, legalBasis: 'test' });
// The 2026 schedule around Giỗ Tổ Hùng Vương (Sunday 26/4, compensated on Monday 27/4) and 30/4–1/5.
const calendar = WorkingDayCalendar.fromEntries([
  entry('2026-04-26', 'PUBLIC_HOLIDAY', 'Giỗ Tổ Hùng Vương'),
  entry('2026-04-27', 'COMPENSATORY_DAY_OFF', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  entry('2026-04-30', 'PUBLIC_HOLIDAY', 'Ngày Chiến thắng'),
  entry('2026-05-01', 'PUBLIC_HOLIDAY', 'Quốc tế lao động'),
]);
/** A local (UTC+7) wall-clock time as an instant. */
const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

describe('due-soon horizon (8 working hours by default)', () => {
  it('runs over the weekend: Friday 15:00 reaches Monday 15:00', () => {
    expect(dueSoonHorizon(calendar, local('2026-11-27T15:00'))).toEqual(local('2026-11-30T15:00'));
  });

  it('skips the lunch break and public holidays with their compensatory day', () => {
    expect(dueSoonHorizon(calendar, local('2026-11-30T11:00'), 2)).toEqual(local('2026-11-30T14:00'));
    // Friday 24/4 15:00: Saturday, Sunday (holiday) and Monday (nghỉ bù) do not count.
    expect(dueSoonHorizon(calendar, local('2026-04-24T15:00'))).toEqual(local('2026-04-28T15:00'));
  });

  it('counts from the next opening after office hours, and the hours are configurable', () => {
    expect(dueSoonHorizon(calendar, local('2026-11-26T18:30'))).toEqual(local('2026-11-27T17:00'));
    expect(dueSoonHorizon(calendar, local('2026-11-26T18:30'), 16)).toEqual(local('2026-11-30T17:00'));
  });
});

describe('which event a dossier is owed', () => {
  const now = local('2026-11-27T15:00');
  const horizon = dueSoonHorizon(calendar, now);
  const dossier = (over: Partial<DeadlineSubject>): DeadlineSubject => ({
    status: 'PROCESSING',
    pausedAt: null,
    appointmentAt: local('2026-12-04T17:00'),
    dueSoonNotifiedAt: null,
    overdueNotifiedAt: null,
    ...over,
  });

  it('DUE_SOON inside the horizon, once', () => {
    expect(deadlineEventOwed(dossier({ appointmentAt: local('2026-11-30T10:00') }), now, horizon)).toBe(DeadlineKind.DUE_SOON);
    expect(deadlineEventOwed(dossier({ appointmentAt: horizon }), now, horizon)).toBe(DeadlineKind.DUE_SOON);
    expect(deadlineEventOwed(dossier({ appointmentAt: local('2026-11-30T10:00'), dueSoonNotifiedAt: now }), now, horizon)).toBeNull();
    expect(deadlineEventOwed(dossier({ appointmentAt: local('2026-11-30T15:01') }), now, horizon)).toBeNull();
  });

  it('OVERDUE once the appointment has passed, once, and never DUE_SOON for a dossier found late', () => {
    const late = dossier({ appointmentAt: local('2026-11-27T14:59') });
    expect(deadlineEventOwed(late, now, horizon)).toBe(DeadlineKind.OVERDUE);
    expect(deadlineEventOwed({ ...late, overdueNotifiedAt: now }, now, horizon)).toBeNull();
    expect(deadlineEventOwed(dossier({ appointmentAt: now }), now, horizon)).toBe(DeadlineKind.DUE_SOON);
  });

  it('nothing while the clock is paused or the dossier is finished', () => {
    const late = { appointmentAt: local('2026-11-20T17:00') };
    expect(deadlineEventOwed(dossier({ ...late, pausedAt: local('2026-11-19T09:00') }), now, horizon)).toBeNull();
    for (const status of ['SUPPLEMENT_REQUESTED', 'DONE', 'RETURNED', 'WITHDRAWN', 'STOPPED', 'NOT_ACCEPTED']) {
      expect(deadlineEventOwed(dossier({ ...late, status }), now, horizon)).toBeNull();
    }
    for (const status of ['NEW', 'PAYMENT_DUE', 'ACCEPTED', 'PROCESSING']) {
      expect(deadlineEventOwed(dossier({ ...late, status }), now, horizon)).toBe(DeadlineKind.OVERDUE);
    }
  });

  it('a step is overdue only while open and past its due time', () => {
    const dueAt = local('2026-11-27T11:00');
    expect(stepOverdue({ completedAt: null, outcome: null, dueAt }, now)).toBe(true);
    expect(stepOverdue({ completedAt: null, outcome: null, dueAt: local('2026-11-27T16:00') }, now)).toBe(false);
    expect(stepOverdue({ completedAt: now, outcome: 'COMPLETED', dueAt }, now)).toBe(false);
    expect(stepOverdue({ completedAt: null, outcome: 'PLANNED', dueAt }, now)).toBe(false);
  });
});
