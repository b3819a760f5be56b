/**
 * Who may file what through which channel, checked before anything is written:
 *
 * - ONLINE: a citizen, for themselves (Cổng dịch vụ công).
 * - COUNTER: an official of the procedure's agency enters it for an applicant at the one-stop desk.
 * - POSTAL: an official of the procedure's agency enters a dossier that came by post, with the
 *   consignment's tracking code and the sender's address; or the hub itself files, for a citizen, the
 *   papers the postal carrier picked up and delivered (postal-intake: a {@link CarrierOrigin}).
 * - Legacy registration: an official of the procedure's agency or an operator registers a dossier
 *   another system received, under that system's code (any channel; no receipt number is taken).
 *
 * The procedure must offer the channel (its cách thức thực hiện), the case must be one of its cases,
 * an organisation's tax code must be valid, and a postal return needs an address.
 */
import { assertValidTaxCode } from '../../../adapters/business-registry';
import { assertValidPersonalId } from '../../citizens';
import type { ProcedureRecord } from '../../procedures';
import type { Principal } from '../../shared/auth/principal';
import { localDay } from '../../shared/calendar/working-days';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { SubmissionChannel } from '../dossier/dossier-status';
import { ReturnMethod } from './return-method';
import type { SubmitDossierInput } from './submit-dossier.input';

/**
 * Intake on behalf of a citizen whose papers the postal carrier brings (postal-intake). It lets a
 * CITIZEN principal file channel POSTAL, so it never comes from GraphQL input: only the hub's own
 * postal-intake code passes it.
 */
export interface CarrierOrigin {
  /**
   * When the carrier delivered the papers to the agency: the dossier's reception time. Null while a
   * pickup is only being requested and checked: its consignment has no tracking code yet.
   */
  deliveredAt: Date | null;
}

/** What intake stores besides the form, decided from the input, the caller and the procedure. */
export interface IntakePlan {
  applicantPersonalId: string;
  channel: SubmissionChannel;
  caseCode: string | null;
  subjectTaxCode: string | null;
  returnMethod: ReturnMethod;
  postalAddress: string | null;
  /** Kept code and its system, when registering a legacy dossier. */
  legacy: { code: string; system: string; receivedAt: Date } | null;
  /** Note of the first history row (postal consignment, legacy origin). */
  note: string | null;
}

const MAX_ADDRESS = 500;
const TRACKING_CODE = /^[A-Z0-9-]{6,40}$/;
const LEGACY_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{2,63}$/;
const LEGACY_SYSTEM = /^[A-Z][A-Z0-9_]{1,39}$/;
/** A receipt code in this hub's own format, `<agency>-<yyMMdd>-<sequence>`. */
const OWN_FORMAT = /^(.+)-(\d{6})-(\d{4,})$/;
/** An agency's electronic identification code (QCVN 102:2016), e.g. 000.00.12.H26. */
const AGENCY_ELECTRONIC_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

function badInput(field: string, vi: string, en: string, extra: Record<string, unknown> = {}): LienthongError {
  return new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field, ...extra } });
}

function forbidden(vi: string, en: string): LienthongError {
  return new LienthongError(ErrorCode.FORBIDDEN, { vi, en });
}

const isLegacy = (input: SubmitDossierInput) => Boolean(input.legacyCode || input.legacySystem);

/** The applicant, from the caller alone (before the procedure is read). */
export function applicantOf(principal: Principal, input: SubmitDossierInput, carrier?: CarrierOrigin): string {
  if (principal.role === 'CITIZEN') {
    if (isLegacy(input)) throw forbidden('Công dân không đăng ký hồ sơ của hệ thống khác.', 'Citizens do not register legacy dossiers.');
    if (input.applicantPersonalId && input.applicantPersonalId !== principal.personalId) {
      throw forbidden('Công dân chỉ nộp hồ sơ cho chính mình.', 'Citizens submit dossiers only for themselves.');
    }
    // A citizen files online; by post only through the carrier's pickup, which the hub files for them.
    if (carrier && input.channel !== SubmissionChannel.POSTAL) {
      throw badInput('channel', 'Hồ sơ do bưu chính chuyển đến là hồ sơ qua bưu chính.', 'Papers the postal carrier brings are POSTAL dossiers.');
    }
    if (!carrier && input.channel !== SubmissionChannel.ONLINE) {
      throw badInput('channel', 'Công dân nộp hồ sơ trực tuyến.', 'Citizens submit online; counter and postal dossiers are entered by officials.');
    }
    assertValidPersonalId(principal.personalId!);
    return principal.personalId!;
  }
  if (principal.role === 'OPERATOR' && !isLegacy(input)) {
    throw forbidden(
      'Quản trị viên chỉ đăng ký hồ sơ của hệ thống khác; hồ sơ trực tiếp do cán bộ cơ quan tiếp nhận.',
      "Operators only register legacy dossiers; counter and postal dossiers are entered by the agency's officials.",
    );
  }
  if (principal.role === 'OFFICIAL' && !isLegacy(input) && input.channel === SubmissionChannel.ONLINE) {
    throw badInput('channel', 'Cán bộ tiếp nhận hồ sơ trực tiếp hoặc qua bưu chính.', 'Officials enter COUNTER or POSTAL dossiers; ONLINE is for citizens.');
  }
  if (!input.applicantPersonalId) {
    throw badInput('applicantPersonalId', 'Cần số định danh cá nhân của người nộp hồ sơ.', "The applicant's personal identification number is required.");
  }
  assertValidPersonalId(input.applicantPersonalId);
  return input.applicantPersonalId;
}

const METHOD_OF: Record<SubmissionChannel, string> = { ONLINE: 'ONLINE', COUNTER: 'IN_PERSON', POSTAL: 'POSTAL' };

function caseCodeOf(procedure: ProcedureRecord, caseCode: string | null | undefined): string | null {
  if (caseCode === undefined || caseCode === null) return null;
  const known = [...new Set([...procedure.processingTimes, ...procedure.fees].map((c) => c.caseCode))];
  if (known.includes(caseCode)) return caseCode;
  throw badInput('caseCode', `Thủ tục ${procedure.code} không có trường hợp ${caseCode}.`, `Procedure ${procedure.code} has no case ${caseCode}.`, {
    caseCode,
    knownCaseCodes: known,
  });
}

function subjectTaxCodeOf(procedure: ProcedureRecord, taxCode: string | null | undefined): string | null {
  const forOrganisations = procedure.subjects.includes('ORGANIZATION');
  if (taxCode === undefined || taxCode === null || taxCode.trim() === '') {
    if (forOrganisations && !procedure.subjects.includes('INDIVIDUAL')) {
      throw badInput('subjectTaxCode', 'Thủ tục dành cho tổ chức: cần mã số doanh nghiệp.', 'The procedure is for organisations: subjectTaxCode is required.');
    }
    return null;
  }
  if (!forOrganisations) {
    throw badInput('subjectTaxCode', 'Thủ tục chỉ dành cho cá nhân.', 'The procedure is for individuals only; subjectTaxCode is not accepted.');
  }
  return assertValidTaxCode(taxCode.trim()).normalized;
}

function address(value: string | null | undefined, field: string): string | null {
  const text = value?.normalize('NFC').trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_ADDRESS) throw badInput(field, `Địa chỉ dài quá ${MAX_ADDRESS} ký tự.`, `The address is longer than ${MAX_ADDRESS} characters.`);
  return text;
}

function legacyOf(input: SubmitDossierInput, now: Date): IntakePlan['legacy'] {
  if (!isLegacy(input)) return null;
  const code = input.legacyCode?.trim() ?? '';
  const system = input.legacySystem?.trim().toUpperCase() ?? '';
  if (!LEGACY_CODE.test(code)) {
    throw badInput('legacyCode', 'Mã hồ sơ của hệ thống khác không hợp lệ.', 'legacyCode must be 3–64 letters, digits and . _ - /.');
  }
  if (!LEGACY_SYSTEM.test(system)) {
    throw badInput('legacySystem', 'Cần tên hệ thống đã cấp mã hồ sơ.', 'legacySystem must name the issuing system (e.g. VNPT_IGATE).');
  }
  // A code in this hub's format (an agency's QCVN 102 code, day, number) for today or later would
  // take a number this hub will issue; other systems' codes (e.g. VNPT-iGate's G22.26-…) cannot.
  const own = OWN_FORMAT.exec(code);
  if (own && AGENCY_ELECTRONIC_CODE.test(own[1]) && `20${own[2]}` >= localDay(now).day.replaceAll('-', '')) {
    throw badInput('legacyCode', 'Mã hồ sơ trùng định dạng mã sẽ được cấp từ hôm nay.', 'A legacy code dated today or later could collide with codes this hub issues.');
  }
  const receivedAt = input.legacyReceivedAt ?? now;
  if (receivedAt.getTime() > now.getTime()) {
    throw badInput('legacyReceivedAt', 'Thời điểm tiếp nhận không thể ở tương lai.', 'legacyReceivedAt cannot be in the future.');
  }
  return { code, system, receivedAt };
}

/** Everything else intake needs, once the procedure (version in force) is known. */
export function planIntake(
  principal: Principal,
  input: SubmitDossierInput,
  procedure: ProcedureRecord,
  applicantPersonalId: string,
  now: Date,
  carrier?: CarrierOrigin,
): IntakePlan {
  if (principal.role === 'OFFICIAL' && principal.agencyCode !== procedure.agencyCode) {
    throw forbidden('Cán bộ chỉ tiếp nhận hồ sơ của cơ quan mình.', "Officials enter dossiers only for their own agency's procedures.");
  }
  const legacy = legacyOf(input, now);
  const channel = input.channel;
  if (!legacy && !procedure.details.methods.includes(METHOD_OF[channel] as never)) {
    throw badInput('channel', `Thủ tục ${procedure.code} không tiếp nhận hồ sơ theo kênh này.`, `Procedure ${procedure.code} does not accept ${channel} dossiers.`, {
      methods: procedure.details.methods,
    });
  }
  const notes: string[] = [];
  if (legacy) notes.push(`Hồ sơ tiếp nhận từ hệ thống ${legacy.system}, giữ nguyên mã ${legacy.code}`);
  let postalAddress = address(input.postalAddress, 'postalAddress');
  if (input.postalIntake && channel !== SubmissionChannel.POSTAL) {
    throw badInput('postalIntake', 'Chỉ hồ sơ qua bưu chính có thông tin bưu gửi.', 'postalIntake is only for POSTAL dossiers.');
  }
  // A legacy postal dossier may come without its consignment: the other system kept it.
  if (channel === SubmissionChannel.POSTAL && (input.postalIntake || !legacy)) {
    const trackingCode = input.postalIntake?.trackingCode.trim().toUpperCase() ?? '';
    const sender = address(input.postalIntake?.senderAddress, 'postalIntake.senderAddress');
    // A pickup being requested has no consignment yet: the carrier gives its code with the order.
    const awaitingPickup = carrier?.deliveredAt === null && trackingCode === '';
    if (!awaitingPickup && !TRACKING_CODE.test(trackingCode)) {
      throw badInput('postalIntake.trackingCode', 'Cần số hiệu bưu gửi hợp lệ.', 'A postal dossier needs its consignment tracking code.');
    }
    if (!sender) throw badInput('postalIntake.senderAddress', 'Cần địa chỉ người gửi.', "A postal dossier needs the sender's address.");
    postalAddress ??= sender;
    notes.push(`Tiếp nhận qua dịch vụ bưu chính: bưu gửi ${trackingCode}, người gửi: ${sender}`);
  }
  if (input.returnMethod === ReturnMethod.POSTAL && !postalAddress) {
    throw badInput('postalAddress', 'Nhận kết quả qua bưu chính cần địa chỉ nhận.', 'A POSTAL return needs a postal address.');
  }
  return {
    applicantPersonalId,
    channel,
    caseCode: caseCodeOf(procedure, input.caseCode),
    subjectTaxCode: subjectTaxCodeOf(procedure, input.subjectTaxCode),
    returnMethod: input.returnMethod ?? ReturnMethod.COUNTER,
    postalAddress,
    legacy,
    note: notes.length > 0 ? notes.join('; ') : null,
  };
}
