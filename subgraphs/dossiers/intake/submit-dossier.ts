/**
 * Intake (tiếp nhận hồ sơ): checks the caller, channel and subject (intake-rules), the form against
 * the procedure's e-form and every file (type by content, size, required components), then in ONE
 * transaction takes the day's receipt number (or keeps a legacy code), stores the dossier with its
 * appointment date and files, and writes the first history row and its outbox event; the relay
 * publishes it after commit. A refused submission writes nothing and uses up no receipt number.
 */
import type { Principal } from '../../shared/auth/principal';
import { localDay } from '../../shared/calendar/working-days';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { appointmentFor, validateFormData } from '../../procedures';
import type { DossiersServices } from '../context';
import { requireAuthenticated } from '../dossier/dossier-access';
import { DossierStatus, SubmissionChannel } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import { AttachmentKind } from '../files/attachment';
import { attachmentLimitsOf, checkUploads, storeAttachments } from '../files/attachment-uploads';
import { assertRequiredComponents } from '../files/required-components';
import { applicantOf, planIntake, type CarrierOrigin } from './intake-rules';
import type { SubmitDossierInput } from './submit-dossier.input';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../shared/storage/generated/client';
import { openStepRow, workflowStep } from '../workflow/dossier-workflow';
import { insertDossier, type NewDossierColumns } from './insert-dossier';
import { IntakeReferences } from './intake-references';

const MAX_IDEMPOTENCY_KEY = 128;

/** The caller-scoped form of a client idempotency key (null without one); BAD_USER_INPUT when too long. */
export function idempotencyKeyOf(principal: Principal, key: string | null | undefined): string | null {
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

/** Prisma's unique violation, from a model query (P2002) or from the raw intake statement (P2010 with 23505). */
const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  return e?.code === 'P2002' || (e?.code === 'P2010' && e.meta?.driverAdapterError?.cause?.originalCode === '23505');
};

function legacyCodeTaken(code: string): LienthongError {
  return new LienthongError(ErrorCode.CONFLICT, {
    vi: `Mã hồ sơ ${code} đã được sử dụng.`,
    en: `The dossier code ${code} is already taken.`,
    details: { field: 'legacyCode', legacyCode: code },
  });
}

/**
 * Every check intake makes before it writes anything, with what they found. Postal intake runs them
 * when a pickup is requested, before the carrier is called, with a {@link CarrierOrigin}.
 */
export async function checkSubmission(services: DossiersServices, principal: Principal, input: SubmitDossierInput, now = new Date(), carrier?: CarrierOrigin) {
  requireAuthenticated(principal);
  const applicantPersonalId = applicantOf(principal, input, carrier);
  const idempotencyKey = idempotencyKeyOf(principal, input.idempotencyKey);
  const { prisma, catalogue } = services;
  const references = services.intakeReferences ?? new IntakeReferences(prisma, catalogue, { ttlMs: 0 });
  // A retry with a used idempotency key is found by the key's unique index when the insert fails
  // (submitDossier): first submissions, the common case, cost no read for it.

  const procedure = await references.procedure(input.procedureCode);
  const plan = planIntake(principal, input, procedure, applicantPersonalId, now, carrier);
  const violations = validateFormData(procedure.eForm, input.formData ?? {});
  if (violations.length > 0) {
    throw new LienthongError(ErrorCode.FORM_VALIDATION_FAILED, { details: { violations } });
  }
  const files = checkUploads(input.attachments ?? [], {
    field: 'attachments',
    components: procedure.details.components,
    limits: attachmentLimitsOf(services),
  });
  if (plan.channel === SubmissionChannel.ONLINE && !plan.legacy) assertRequiredComponents(procedure, files);
  if (plan.legacy && (await prisma.dossier.findUnique({ where: { code: plan.legacy.code }, select: { id: true } }))) {
    throw legacyCodeTaken(plan.legacy.code);
  }
  return { references, procedure, plan, files, idempotencyKey };
}

/**
 * Intake. `carrier` when the hub files, for the citizen, papers the postal carrier delivered: the
 * dossier is received at the delivery time. @default none (the caller files it, received now)
 */
export async function submitDossier(
  services: DossiersServices,
  principal: Principal,
  input: SubmitDossierInput,
  now = new Date(),
  carrier?: CarrierOrigin,
): Promise<DossierRow> {
  const { references, procedure, plan, files, idempotencyKey } = await checkSubmission(services, principal, input, now, carrier);
  const { prisma, calendars, outbox } = services;

  const receivedAt = plan.legacy?.receivedAt ?? carrier?.deliveredAt ?? now;
  const receivedDay = localDay(receivedAt).day;
  // A case may be a fee case only (e.g. a reduced fee): its processing time is then the default one.
  const timeCase = procedure.processingTimes.some((t) => t.caseCode === plan.caseCode) ? plan.caseCode : null;
  const calendar = await calendars.calendar();
  const appointment = await appointmentFor({ prisma, calendar, agencyCutoffHour: references.agencyCutoffHour }, procedure, {
    caseCode: timeCase,
    receivedAt,
  });
  // Fee of the dossier's case (phí, lệ phí differ per case); the default case when none is named.
  const feeVnd = procedure.fees.find((f) => f.caseCode === plan.caseCode)?.amountVnd ?? procedure.feeVnd;
  const status = feeVnd > 0 ? DossierStatus.PAYMENT_DUE : DossierStatus.NEW;
  // The procedure's latest workflow; its first step opens with the dossier at the receiving agency.
  const workflow = await references.workflow(procedure);
  const start = workflowStep(workflow, workflow.definition.start)!; // checked definitions name their start
  const columns: NewDossierColumns = {
    id: randomUUID(),
    legacySystem: plan.legacy?.system ?? null,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    agencyCode: procedure.agencyCode,
    handlingAgencyCode: procedure.agencyCode,
    applicantPersonalId: plan.applicantPersonalId,
    applicantUserId: principal.id,
    subjectTaxCode: plan.subjectTaxCode,
    caseCode: plan.caseCode,
    channel: plan.channel,
    status,
    formData: (input.formData ?? {}) as Prisma.JsonObject,
    feeVnd,
    receivedAt,
    appointmentAt: appointment.dueAt,
    idempotencyKey,
    workflowVersion: workflow.version,
    currentStep: start.key,
    pausedAt: null,
    completedAt: null,
    returnMethod: plan.returnMethod,
    postalAddress: plan.postalAddress,
    dueSoonNotifiedAt: null,
    overdueNotifiedAt: null,
  };
  const newDossier = {
    columns,
    // A legacy code is kept as it is: no number of this hub's sequence is used up for it.
    legacyCode: plan.legacy?.code ?? null,
    receivedDay,
    history: { actor: principal.id, note: plan.note, at: now },
    firstStep: openStepRow(calendar, start, procedure.agencyCode, receivedAt),
    now,
  };
  try {
    // One statement (shared with concurrent submissions to the agency) when there are no files;
    // with files, one short transaction.
    const { dossier } =
      files.length === 0
        ? await (services.intakeBatcher?.insert(newDossier) ?? insertDossier(prisma, newDossier))
        : await prisma.$transaction(async (tx) => {
            const inserted = await insertDossier(tx, newDossier);
            await storeAttachments(tx, inserted.dossier.id, AttachmentKind.APPLICATION, files, principal.id, now);
            return inserted;
          });
    outbox.kick();
    return dossier;
  } catch (err) {
    if (isUniqueViolation(err)) {
      // A concurrent retry with the same idempotency key won the race: answer with its dossier.
      const existing = idempotencyKey ? await prisma.dossier.findUnique({ where: { idempotencyKey } }) : null;
      if (existing) return existing;
      if (plan.legacy) throw legacyCodeTaken(plan.legacy.code);
    }
    throw err;
  }
}
