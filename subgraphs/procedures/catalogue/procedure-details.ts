/**
 * The 12 level-2 criteria of an online public service (seed 000 part II) beyond the columns of the
 * `procedure` table: place and hours of receipt, steps, methods, dossier components, processing
 * times per case, deciding and coordinating agencies, fees per case, forms, requirements, legal bases,
 * handling levels. Subjects, result document and online level are columns of their own.
 */

/** Cách thức thực hiện. */
export const ProcedureMethod = { IN_PERSON: 'IN_PERSON', ONLINE: 'ONLINE', POSTAL: 'POSTAL' } as const;
export type ProcedureMethod = (typeof ProcedureMethod)[keyof typeof ProcedureMethod];

/** What kind of paper a dossier component is: bản chính, bản sao, bản sao có chứng thực. */
export const ComponentKind = { ORIGINAL: 'ORIGINAL', COPY: 'COPY', CERTIFIED_COPY: 'CERTIFIED_COPY' } as const;
export type ComponentKind = (typeof ComponentKind)[keyof typeof ComponentKind];

/** Cấp giải quyết: where the procedure is handled (a procedure may be handled at several levels). */
export const HandlingLevel = { CENTRAL: 'CENTRAL', PROVINCE: 'PROVINCE', COMMUNE: 'COMMUNE' } as const;
export type HandlingLevel = (typeof HandlingLevel)[keyof typeof HandlingLevel];

/** Thời hạn giải quyết of one case (trường hợp); exactly one of days or hours. */
export interface ProcessingTime {
  /** Code of the case, unique within the procedure, e.g. `MAC_DINH`, `CAN_XAC_MINH`. */
  caseCode: string;
  caseName: string;
  workingDays?: number;
  workingHours?: number;
}

/** Phí, lệ phí of one case. */
export interface ProcedureFee {
  caseCode: string;
  caseName: string;
  /** Whole VND, 0 when free. */
  amountVnd: number;
  note?: string;
}

/** Địa điểm, thời gian tiếp nhận và trả kết quả. */
export interface ReceptionPlace {
  place: string;
  address?: string;
  /** Opening hours as published, e.g. "Sáng 8:00–12:00, chiều 13:30–17:00, thứ Hai – thứ Sáu". */
  hours: string;
}

/** One step of the trình tự thực hiện, in order from 1. */
export interface ProcedureStep {
  order: number;
  description: string;
  durationWorkingDays?: number;
  durationWorkingHours?: number;
}

/** One paper of the dossier (thành phần hồ sơ). */
export interface ProcedureComponent {
  name: string;
  kind: ComponentKind;
  /** Number of copies, at least 1. */
  count: number;
  templateUrl?: string;
}

/** Cơ quan thực hiện by electronic identification code (QCVN 102:2016). */
export interface ProcedureAgencies {
  /** Cơ quan có thẩm quyền quyết định. */
  deciding: string;
  /** Cơ quan được ủy quyền, phân cấp. @default none */
  delegated?: string;
  /** Cơ quan phối hợp. */
  coordinating: string[];
}

/** Mẫu đơn, tờ khai with a downloadable template. */
export interface ProcedureFormTemplate {
  name: string;
  templateUrl: string;
}

/** One document of the căn cứ pháp lý. */
export interface LegalBasisDocument {
  /** Full title as cited, e.g. "Luật Hộ tịch số 60/2014/QH13". */
  title: string;
  /** Số ký hiệu, e.g. "60/2014/QH13". */
  number?: string;
  issuedBy?: string;
  /** `YYYY-MM-DD`. */
  issuedOn?: string;
  url?: string;
}

export interface ProcedureDetails {
  receptionPlaces: ReceptionPlace[];
  steps: ProcedureStep[];
  methods: ProcedureMethod[];
  components: ProcedureComponent[];
  agencies: ProcedureAgencies;
  forms: ProcedureFormTemplate[];
  /** Yêu cầu, điều kiện; empty when the law sets none. */
  requirements: string[];
  legalBases: LegalBasisDocument[];
  handlingLevels: HandlingLevel[];
}

/** Working days of a processing time; hours count as whole days of 8 working hours. */
export const workingDaysOf = (time: ProcessingTime): number => time.workingDays ?? Math.ceil((time.workingHours ?? 0) / 8);
