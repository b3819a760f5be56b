/**
 * Intake (tiếp nhận hồ sơ): validates the form against the procedure's e-form, then in ONE
 * transaction takes the day's receipt number, stores the dossier with its appointment date and
 * writes the first history row and its outbox event; the relay publishes it after commit.
 */
import type { Principal } from '../../shared/auth/principal';
import { localDay } from '../../shared/calendar/working-days';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { appointmentFor, validateFormData } from '../../procedures';
import { assertValidPersonalId } from '../../citizens';
import type { DossiersServices } from '../context';
import { requireAuthenticated } from '../dossier/dossier-access';
import { DossierStatus, SubmissionChannel } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import { recordStatusEvent } from '../events/dossier-status-event';
import { formatReceiptCode, nextReceiptNumber } from './receipt-code';
import type { SubmitDossierInput } from './submit-dossier.input';

const MAX_IDEMPOTENCY_KEY = 128;

function applicantOf(principal: Principal, input: SubmitDossierInput): string {
  if (principal.role === 'CITIZEN') {
    if (input.applicantPersonalId && input.applicantPersonalId !== principal.personalId) {
      throw new LienthongError(ErrorCode.FORBIDDEN, {
        vi: 'Công dân chỉ nộp hồ sơ cho chính mình.',
        en: 'Citizens submit dossiers only for themselves.',
      });
    }
    if (input.channel !== SubmissionChannel.ONLINE) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: 'Công dân nộp hồ sơ trực tuyến.',
        en: 'Citizens submit online; counter and postal dossiers are entered by officials.',
        details: { field: 'channel' },
      });
    }
    return principal.personalId!;
  }
  if (!input.applicantPersonalId) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Cần số định danh cá nhân của người nộp hồ sơ.',
      en: "The applicant's personal identification number is required.",
      details: { field: 'applicantPersonalId' },
    });
  }
  return input.applicantPersonalId;
}

function idempotencyKeyOf(principal: Principal, key: string | null | undefined): string | null {
  if (!key) return null;
  if (key.length > MAX_IDEMPOTENCY_KEY) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      en: `idempotencyKey is longer than ${MAX_IDEMPOTENCY_KEY} characters.`,
      vi: `Khóa idempotencyKey dài quá ${MAX_IDEMPOTENCY_KEY} ký tự.`,
      details: { field: 'idempotencyKey' },
    });
  }
  return `${principal.id}:${key}`; // scoped to the caller: one user's key never returns another's dossier
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

export async function submitDossier(
  services: DossiersServices,
  principal: Principal,
  input: SubmitDossierInput,
  now = new Date(),
): Promise<DossierRow> {
  requireAuthenticated(principal);
  const applicantPersonalId = applicantOf(principal, input);
  assertValidPersonalId(applicantPersonalId);
  const idempotencyKey = idempotencyKeyOf(principal, input.idempotencyKey);
  const { prisma, catalogue, calendars, outbox } = services;
  if (idempotencyKey) {
    const existing = await prisma.dossier.findUnique({ where: { idempotencyKey } });
    if (existing) return existing;
  }

  const procedure = await catalogue.require(input.procedureCode);
  const violations = validateFormData(procedure.eForm, input.formData ?? {});
  if (violations.length > 0) {
    throw new LienthongError(ErrorCode.FORM_VALIDATION_FAILED, { details: { violations } });
  }

  const receivedDay = localDay(now).day;
  const appointment = await appointmentFor(
    { prisma, calendar: await calendars.calendar() },
    procedure,
    { caseCode: input.caseCode, receivedAt: now },
  );
  // Fee of the dossier's case (phí, lệ phí differ per case); the default case when none is named.
  const feeVnd = procedure.fees.find((f) => f.caseCode === input.caseCode)?.amountVnd ?? procedure.feeVnd;
  const status = feeVnd > 0 ? DossierStatus.PAYMENT_DUE : DossierStatus.NEW;
  try {
    const dossier = await prisma.$transaction(async (tx) => {
      const sequence = await nextReceiptNumber(tx, procedure.agencyCode, receivedDay);
      const created = await tx.dossier.create({
        data: {
          code: formatReceiptCode(procedure.agencyCode, receivedDay, sequence),
          procedureCode: procedure.code,
          procedureVersion: procedure.version,
          agencyCode: procedure.agencyCode,
          applicantPersonalId,
          applicantUserId: principal.id,
          channel: input.channel,
          status,
          formData: input.formData as object,
          feeVnd,
          receivedAt: now,
          appointmentAt: appointment.dueAt,
          idempotencyKey,
          history: { create: { fromStatus: null, toStatus: status, actor: principal.id, at: now } },
        },
        include: { history: true },
      });
      const { history, ...row } = created;
      await recordStatusEvent(tx, row, history[0]);
      return row;
    });
    outbox.kick();
    return dossier;
  } catch (err) {
    // A concurrent retry with the same idempotency key won the race: answer with its dossier.
    if (idempotencyKey && isUniqueViolation(err)) {
      const existing = await prisma.dossier.findUnique({ where: { idempotencyKey } });
      if (existing) return existing;
    }
    throw err;
  }
}
