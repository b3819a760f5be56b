/**
 * Trả kết quả qua bưu chính: for a DONE dossier whose applicant chose a POSTAL return, an official of
 * the handling agency holding RESULT_RETURN has the carrier take the result to the applicant's
 * address. Every check runs before the carrier is called; the delivery order is created next
 * (idempotent by the dossier code at the carrier); then the workflow engine completes the return step
 * and stores the order on the result in one transaction. A carrier failure is an UPSTREAM_* error
 * with nothing written. If the commit then loses a race (STALE_VERSION), the order exists but the
 * dossier is unchanged; the official's retry gets the same order back, not a second parcel.
 */
import type { PostalClient, PostalParty } from '../../../adapters/postal';
import { parsePostalAddress, POSTAL_SYSTEM, provinceByCode } from '../../../adapters/postal';
import { toLienthongError } from '../../../adapters/kit';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { WorkflowRole } from '../../procedures/workflow';
import type { DossierRow } from '../dossier/dossier.mapper';
import { DossierStatus } from '../dossier/dossier-status';
import { completeReturnStep, DossierAction, findOpenStep, invalidTransition, type WorkflowServices } from '../workflow';
import { loadVisibleDossier, requireState } from '../workflow/acting';
import { handlingAgencyOf, requireHandlingOfficial, requireOfficial, requireStepActor } from '../workflow/workflow-access';

/** The carrier the dossiers subgraph uses, when one is configured. */
export interface PostalServices {
  /** Postal carrier client; without it postal returns fail with UPSTREAM_UNAVAILABLE. @default none */
  postal?: PostalClient;
}

export interface ReturnByPostRequest {
  code: string;
  expectedVersion: number;
}

const badInput = (field: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

/** Who acts: the actor of the open RETURN_RESULT step, or without one a RESULT_RETURN official of the handling agency. */
async function requireReturnActor(services: WorkflowServices, principal: Principal, dossier: DossierRow): Promise<void> {
  const open = await findOpenStep(services.prisma, dossier.id);
  if (open) requireStepActor(principal, dossier.code, open);
  else requireHandlingOfficial(principal, dossier, [WorkflowRole.RESULT_RETURN]);
}

function recipientOf(dossier: DossierRow): PostalParty {
  const formData = (dossier.formData ?? {}) as Record<string, unknown>;
  const address = dossier.postalAddress ? parsePostalAddress(dossier.postalAddress) : null;
  if (!address) {
    throw badInput(
      'postalAddress',
      `Địa chỉ nhận kết quả của hồ sơ ${dossier.code} không đủ số nhà/đường, phường/xã và tỉnh/thành phố.`,
      `The return address of dossier ${dossier.code} needs a street, a commune and one of the 34 provinces.`,
    );
  }
  const phone = typeof formData.soDienThoai === 'string' ? formData.soDienThoai.trim() : '';
  if (!phone) throw badInput('formData.soDienThoai', 'Bưu chính cần số điện thoại người nhận.', "The carrier needs the recipient's phone number.");
  const name = typeof formData.hoTen === 'string' && formData.hoTen.trim() ? formData.hoTen.trim() : `Người nộp hồ sơ ${dossier.code}`;
  return { name, phone, address };
}

async function senderOf(services: WorkflowServices, agencyCode: string): Promise<PostalParty> {
  const agency = await services.prisma.agency.findUnique({ where: { code: agencyCode } });
  const province = agency?.provinceCode ? provinceByCode(agency.provinceCode) : undefined;
  if (!agency || !province) {
    throw new LienthongError(ErrorCode.AGENCY_NOT_FOUND, {
      vi: `Cơ quan ${agencyCode} chưa có tỉnh/thành phố trong danh mục; không gửi bưu chính được.`,
      en: `Agency ${agencyCode} has no province on record; the carrier cannot collect from it.`,
      details: { agencyCode },
    });
  }
  const address = agency.address ? parsePostalAddress(agency.address) : null;
  return {
    name: `Bộ phận Một cửa - ${agency.name}`,
    phone: agency.phone ?? undefined,
    address: address ?? { detail: agency.address ?? agency.name, commune: '', province: province.name },
  };
}

export async function returnResultByPost(
  services: WorkflowServices & PostalServices,
  principal: Principal,
  request: ReturnByPostRequest,
  now = new Date(),
): Promise<DossierRow> {
  const dossier = await loadVisibleDossier(services, principal, request.code);
  requireOfficial(principal, dossier.code);
  requireState(dossier, request.expectedVersion, DossierAction.RETURN_RESULT);
  await requireReturnActor(services, principal, dossier);
  if (dossier.returnMethod !== 'POSTAL') {
    throw invalidTransition(dossier.code, DossierAction.RETURN_RESULT, dossier.status as DossierStatus, {
      vi: `Người nộp hồ sơ ${dossier.code} chọn nhận kết quả theo hình thức ${dossier.returnMethod}, không qua bưu chính.`,
      en: `The applicant of dossier ${dossier.code} chose ${dossier.returnMethod} return, not POSTAL.`,
    });
  }
  const result = await services.prisma.dossierResult.findUnique({ where: { dossierId: dossier.id } });
  if (!result) {
    throw invalidTransition(dossier.code, DossierAction.RETURN_RESULT, dossier.status as DossierStatus, {
      vi: `Hồ sơ ${dossier.code} chưa có kết quả giải quyết để gửi.`,
      en: `Dossier ${dossier.code} has no issued result to send.`,
    });
  }
  const recipient = recipientOf(dossier);
  const sender = await senderOf(services, handlingAgencyOf(dossier));
  if (!services.postal) {
    throw new LienthongError(ErrorCode.UPSTREAM_UNAVAILABLE, { details: { system: POSTAL_SYSTEM, reason: 'NOT_CONFIGURED', retryable: false } });
  }
  const order = await services.postal
    .createDeliveryOrder({
      reference: dossier.code,
      sender,
      recipient,
      contents: `Kết quả giải quyết TTHC: ${result.title} (số ${result.documentNumber})`.slice(0, 500),
      note: 'Phát tận tay người nhận, kiểm tra giấy tờ tùy thân',
    })
    .catch((err: unknown) => {
      throw toLienthongError(err);
    });
  return completeReturnStep(
    services,
    principal,
    {
      code: dossier.code,
      expectedVersion: request.expectedVersion,
      note: `Trả kết quả qua bưu chính: đơn ${order.orderId}, mã vận đơn ${order.trackingCode}`,
      within: async (tx, updated) => {
        await tx.dossierResult.update({ where: { dossierId: updated.id }, data: { postalOrderId: order.orderId, postalTracking: order.trackingCode } });
      },
    },
    now,
  );
}
