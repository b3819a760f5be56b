/**
 * Nộp hồ sơ qua dịch vụ bưu chính: a citizen asks the carrier to collect their paper dossier and take
 * it to the procedure's agency. Everything intake will check is checked first, with intake's own
 * functions, so papers the hub would refuse are never collected; then the pickup order is created
 * (our reference: the pickup's id) and the pickup stored. The dossier itself is filed when the carrier
 * reports the papers delivered (postal-intake-tracker).
 *
 * With an idempotency key the pickup's id derives from the key: concurrent retries ask the carrier
 * for the same reference, get the same order back, and one row is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import { toLienthongError } from '../../../adapters/kit';
import { parsePostalAddress, POSTAL_SYSTEM, type PostalParty } from '../../../adapters/postal';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { Prisma } from '../../shared/storage/generated/client';
import type { DossiersServices } from '../context';
import { requireAuthenticated } from '../dossier/dossier-access';
import { SubmissionChannel } from '../dossier/dossier-status';
import { checkSubmission, idempotencyKeyOf } from '../intake/submit-dossier';
import type { PostalServices } from '../postal';
import { PostalIntakeStatus, toStoredSubmission } from './postal-intake-rules';
import type { PostalPickupInput } from './postal-intake.types';

export type PostalIntakeRow = Prisma.PostalIntakeGetPayload<object>;

const MAX_ADDRESS = 500;
const PHONE = /^(0|\+84)\d{9,10}$/;

const badInput = (field: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

/** A UUID of the scoped key, so that retries with one key name one pickup at the carrier. */
function pickupIdOf(scopedKey: string | null): string {
  if (!scopedKey) return randomUUID();
  const hex = createHash('sha256').update(`postal-pickup\u0000${scopedKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pickupAddressOf(value: string): { line: string; address: NonNullable<ReturnType<typeof parsePostalAddress>> } {
  const line = value.normalize('NFC').trim();
  if (line.length > MAX_ADDRESS) throw badInput('pickupAddress', `Địa chỉ dài quá ${MAX_ADDRESS} ký tự.`, `The address is longer than ${MAX_ADDRESS} characters.`);
  const address = parsePostalAddress(line);
  if (!address) {
    throw badInput(
      'pickupAddress',
      'Địa chỉ nhận hồ sơ cần số nhà/đường, phường/xã và tỉnh/thành phố.',
      'The pickup address needs a street, a commune and one of the 34 provinces.',
    );
  }
  return { line, address };
}

function pickupPhoneOf(input: PostalPickupInput): string {
  const given = input.pickupPhone ?? (typeof input.formData?.soDienThoai === 'string' ? input.formData.soDienThoai : '');
  const phone = given.replace(/[\s.]/g, '');
  if (!PHONE.test(phone)) {
    throw badInput('pickupPhone', 'Cần số điện thoại hợp lệ để bưu tá liên hệ.', 'The postman needs a valid phone number (pickupPhone or formData.soDienThoai).');
  }
  return phone;
}

/** The agency's one-stop desk as the carrier's recipient: it needs a routable address and a phone. */
async function agencyRecipient(services: DossiersServices, agencyCode: string): Promise<PostalParty> {
  const agency = await services.prisma.agency.findUnique({ where: { code: agencyCode } });
  const address = agency?.address ? parsePostalAddress(agency.address) : null;
  if (!agency || !address || !agency.phone) {
    throw new LienthongError(ErrorCode.AGENCY_NOT_FOUND, {
      vi: `Cơ quan ${agencyCode} chưa có địa chỉ và số điện thoại nhận bưu gửi; hãy nộp trực tuyến hoặc trực tiếp.`,
      en: `Agency ${agencyCode} has no postal address and phone on record to receive papers by post; submit online or at the counter.`,
      details: { agencyCode, reason: 'NO_POSTAL_ADDRESS' },
    });
  }
  return { name: `Bộ phận Một cửa - ${agency.name}`, phone: agency.phone, address };
}

export async function requestPostalPickup(
  services: DossiersServices & PostalServices,
  principal: Principal,
  input: PostalPickupInput,
  now = new Date(),
): Promise<PostalIntakeRow> {
  requireAuthenticated(principal);
  if (principal.role !== 'CITIZEN') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Chỉ công dân yêu cầu bưu chính thu gom hồ sơ của mình.',
      en: 'Only citizens ask the carrier to collect their own dossier.',
    });
  }
  const idempotencyKey = idempotencyKeyOf(principal, input.idempotencyKey);
  if (idempotencyKey) {
    const existing = await services.prisma.postalIntake.findUnique({ where: { idempotencyKey } });
    if (existing) return existing;
  }
  const pickup = pickupAddressOf(input.pickupAddress);
  const { procedure, plan } = await checkSubmission(
    services,
    principal,
    {
      ...toStoredSubmission(input),
      procedureCode: input.procedureCode,
      channel: SubmissionChannel.POSTAL,
      postalIntake: { trackingCode: '', senderAddress: pickup.line },
    },
    now,
    { deliveredAt: null },
  );
  const phone = pickupPhoneOf(input);
  const recipient = await agencyRecipient(services, procedure.agencyCode);
  if (!services.postal) {
    throw new LienthongError(ErrorCode.UPSTREAM_UNAVAILABLE, { details: { system: POSTAL_SYSTEM, reason: 'NOT_CONFIGURED', retryable: false } });
  }
  const id = pickupIdOf(idempotencyKey);
  const hoTen = input.formData?.hoTen;
  const order = await services.postal
    .createPickupOrder({
      reference: id,
      sender: { name: typeof hoTen === 'string' && hoTen.trim() ? hoTen.trim() : 'Người nộp hồ sơ', phone, address: pickup.address },
      recipient,
      contents: `Hồ sơ TTHC: ${procedure.name}`.slice(0, 500),
      note: 'Thu gom hồ sơ giấy tại địa chỉ người nộp, chuyển Bộ phận Một cửa',
    })
    .catch((err: unknown) => {
      throw toLienthongError(err);
    });
  try {
    return await services.prisma.postalIntake.create({
      data: {
        id,
        procedureCode: procedure.code,
        applicantPersonalId: plan.applicantPersonalId,
        applicantUserId: principal.id,
        submission: toStoredSubmission(input) as unknown as Prisma.InputJsonObject,
        pickupAddress: pickup.line,
        carrierOrderId: order.orderId,
        trackingCode: order.trackingCode,
        status: PostalIntakeStatus.REQUESTED,
        idempotencyKey,
      },
    });
  } catch (err) {
    // A concurrent retry with the same key stored it first (same id, same carrier order).
    const existing = idempotencyKey && (err as { code?: string }).code === 'P2002' ? await services.prisma.postalIntake.findUnique({ where: { idempotencyKey } }) : null;
    if (existing) return existing;
    throw err;
  }
}
