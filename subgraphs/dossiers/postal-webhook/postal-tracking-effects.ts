/**
 * What a tracking change pushed by the carrier does to dossiers, through the logic that already owns
 * each case (never a copy of it):
 * - a pickup (dossier sent by post): the postal-intake tracker's own rules, fed with the pushed record
 *   instead of a poll; delivered to the agency → the dossier is filed, exactly once;
 * - a result delivery: the postal return's step completion (completeReturnStep). The official's
 *   returnResultByPost normally completes it when the order is made; if that commit was lost (the
 *   order exists, the dossier is still DONE), the carrier's "delivered" completes it now (RETURNED).
 */
import { POSTAL_SYSTEM, type PostalClient, type PostalWebhookEvent } from '../../../adapters/postal';
import type { Principal } from '../../shared/auth/principal';
import { WorkflowRole } from '../../procedures/workflow';
import type { DossiersServices } from '../context';
import { DossierStatus } from '../dossier/dossier-status';
import { PostalIntakeTracker } from '../postal-intake';
import { completeReturnStep, findOpenStep } from '../workflow';
import { handlingAgencyOf } from '../workflow/workflow-access';

/** What the change did, for the carrier's answer and the log. */
export type TrackingEffect = 'INTAKE_UPDATED' | 'INTAKE_UNCHANGED' | 'RETURNED' | 'ALREADY_RETURNED' | 'NO_DOSSIER' | 'NONE';

export async function applyTrackingEvent(services: DossiersServices & { postal: PostalClient }, event: PostalWebhookEvent, now = new Date()): Promise<TrackingEffect> {
  if (event.kind === 'PICKUP') return applyToIntake(services, event, now);
  if (event.tracking.status !== 'DELIVERED') return 'NONE';
  return applyToReturn(services, event, now);
}

async function applyToIntake(services: DossiersServices & { postal: PostalClient }, event: PostalWebhookEvent, now: Date): Promise<TrackingEffect> {
  const intake = await services.prisma.postalIntake.findFirst({ where: { trackingCode: event.tracking.trackingCode }, select: { id: true } });
  if (!intake) return 'NO_DOSSIER';
  // The tracker's own rules, fed with the pushed record instead of a poll.
  const result = await new PostalIntakeTracker(services).followTracking(event.tracking, now);
  return result.moved + result.received + result.notAccepted + result.returned > 0 ? 'INTAKE_UPDATED' : 'INTAKE_UNCHANGED';
}

async function applyToReturn(services: DossiersServices, event: PostalWebhookEvent, now: Date): Promise<TrackingEffect> {
  const dossier = await services.prisma.dossier.findUnique({ where: { code: event.reference } });
  if (!dossier || dossier.returnMethod !== 'POSTAL') return 'NO_DOSSIER';
  if (dossier.status === DossierStatus.RETURNED) return 'ALREADY_RETURNED';
  if (dossier.status !== DossierStatus.DONE) return 'NONE';
  const open = await findOpenStep(services.prisma, dossier.id);
  // The carrier acts as the return desk it stood in for: the open step's agency and role.
  const carrier: Principal = {
    id: `system:${POSTAL_SYSTEM}`,
    role: 'OFFICIAL',
    agencyCode: open?.agencyCode ?? handlingAgencyOf(dossier),
    workflowRoles: [open?.role ?? WorkflowRole.RESULT_RETURN],
    name: 'Bưu chính (xác nhận phát thành công)',
  };
  await completeReturnStep(
    services,
    carrier,
    {
      code: dossier.code,
      expectedVersion: dossier.version,
      note: `Bưu chính đã phát kết quả cho người nhận: đơn ${event.tracking.orderId}, mã vận đơn ${event.tracking.trackingCode}`,
      within: async (tx, updated) => {
        await tx.dossierResult.updateMany({
          where: { dossierId: updated.id },
          data: { postalOrderId: event.tracking.orderId, postalTracking: event.tracking.trackingCode },
        });
      },
    },
    now,
  );
  return 'RETURNED';
}
