/**
 * Phản ánh, kiến nghị: the applicant writes about their dossier; officials of the agency answer.
 * Every submission and answer is stored with its outbox event in one transaction. Callers who may
 * not see a dossier are told it does not exist (as everywhere), so ids and codes cannot be probed.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import type { DossierFeedback as FeedbackModel } from '../../shared/storage/generated/client';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import { recordFeedbackEvent } from './feedback-event';
import { boundedText, MAX_ANSWER_CHARS, MAX_FEEDBACK_CHARS } from './feedback-text';
import { DossierFeedback, FeedbackKind, FeedbackStatus, type SubmitDossierFeedbackInput } from './feedback.types';

export interface FeedbackDeps {
  prisma: PrismaClient;
  /** Woken after commit so the event goes out at once. */
  outbox: OutboxNotifier;
}

/** The dossier columns access and events need. */
export const DOSSIER_PARTIES = { id: true, code: true, agencyCode: true, handlingAgencyCode: true, applicantPersonalId: true } as const;

export type FeedbackRow = FeedbackModel & { dossier: { code: string } };

export function toFeedback(row: FeedbackRow): DossierFeedback {
  return Object.assign(new DossierFeedback(), {
    id: row.id,
    dossierCode: row.dossier.code,
    kind: row.kind as FeedbackKind,
    content: row.content,
    submittedAt: row.createdAt,
    status: row.status as FeedbackStatus,
    answer: row.answer,
    answeredBy: row.answeredBy,
    answeredAt: row.answeredAt,
  });
}

function forbidden(vi: string, en: string, details: Record<string, unknown>): LienthongError {
  return new LienthongError(ErrorCode.FORBIDDEN, { vi, en, details });
}

/** The dossier as its applicant: anyone else who may see it is refused, anyone who may not is told it does not exist. */
export async function dossierOfApplicant(prisma: PrismaClient, principal: Principal, code: string) {
  requireAuthenticated(principal);
  const dossier = await prisma.dossier.findUnique({ where: { code }, select: { ...DOSSIER_PARTIES, status: true } });
  if (!dossier || !canSeeDossier(principal, dossier)) throw dossierNotFound(code);
  if (principal.role !== 'CITIZEN' || principal.personalId !== dossier.applicantPersonalId) {
    throw forbidden(`Chỉ người nộp hồ sơ ${code} được thực hiện thao tác này.`, `Only the applicant of dossier ${code} may do this.`, {
      dossierCode: code,
    });
  }
  return dossier;
}

export async function submitFeedback(
  deps: FeedbackDeps,
  principal: Principal,
  input: SubmitDossierFeedbackInput,
  now = new Date(),
): Promise<DossierFeedback> {
  if (!Object.values(FeedbackKind).includes(input.kind)) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, { details: { field: 'kind' } });
  }
  const content = boundedText(input.content, 'content', MAX_FEEDBACK_CHARS);
  const dossier = await dossierOfApplicant(deps.prisma, principal, input.dossierCode);
  const row = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.dossierFeedback.create({
      data: { dossierId: dossier.id, kind: input.kind, content, submittedBy: principal.id, createdAt: now },
      include: { dossier: { select: { code: true } } },
    });
    await recordFeedbackEvent(tx, {
      action: 'SUBMITTED',
      dossierCode: dossier.code,
      agencyCode: dossier.agencyCode,
      applicantPersonalId: dossier.applicantPersonalId,
      feedbackId: created.id,
      kind: created.kind,
      actor: principal.id,
      at: now.toISOString(),
    });
    return created;
  });
  deps.outbox.kick();
  return toFeedback(row);
}

function feedbackNotFound(id: string): LienthongError {
  return new LienthongError(ErrorCode.FEEDBACK_NOT_FOUND, {
    vi: `Không tìm thấy phản ánh, kiến nghị ${id}.`,
    en: `Feedback ${id} not found.`,
    details: { feedbackId: id },
  });
}

export async function answerFeedback(deps: FeedbackDeps, principal: Principal, id: string, answerText: string, now = new Date()) {
  requireAuthenticated(principal);
  if (principal.role !== 'OFFICIAL') {
    throw forbidden(
      'Chỉ cán bộ của cơ quan giải quyết hồ sơ được trả lời phản ánh, kiến nghị.',
      "Only officials of the dossier's agency may answer feedback.",
      { feedbackId: id },
    );
  }
  const answer = boundedText(answerText, 'answer', MAX_ANSWER_CHARS);
  const found = await deps.prisma.dossierFeedback.findUnique({ where: { id }, include: { dossier: { select: DOSSIER_PARTIES } } });
  if (!found || !canSeeDossier(principal, found.dossier)) throw feedbackNotFound(id);
  const row = await deps.prisma.$transaction(async (tx) => {
    // Only an open one: two officials answering at once, the second is told it is already answered.
    const updated = await tx.dossierFeedback.updateMany({
      where: { id, status: FeedbackStatus.OPEN },
      data: { status: FeedbackStatus.ANSWERED, answer, answeredBy: principal.id, answeredAt: now },
    });
    if (updated.count === 0) {
      throw new LienthongError(ErrorCode.INVALID_TRANSITION, {
        vi: 'Phản ánh, kiến nghị này đã được trả lời.',
        en: 'This feedback has already been answered.',
        details: { feedbackId: id, status: FeedbackStatus.ANSWERED },
      });
    }
    await recordFeedbackEvent(tx, {
      action: 'ANSWERED',
      dossierCode: found.dossier.code,
      agencyCode: found.dossier.agencyCode,
      applicantPersonalId: found.dossier.applicantPersonalId,
      feedbackId: id,
      kind: found.kind,
      actor: principal.id,
      at: now.toISOString(),
    });
    return tx.dossierFeedback.findUniqueOrThrow({ where: { id }, include: { dossier: { select: { code: true } } } });
  });
  deps.outbox.kick();
  return toFeedback(row);
}

/** All feedback on the given dossiers, oldest first, grouped per dossier id. */
export async function feedbackOfDossiers(prisma: PrismaClient, dossierIds: readonly string[]): Promise<DossierFeedback[][]> {
  const rows = await prisma.dossierFeedback.findMany({
    where: { dossierId: { in: [...dossierIds] } },
    include: { dossier: { select: { code: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return dossierIds.map((id) => rows.filter((r) => r.dossierId === id).map(toFeedback));
}
