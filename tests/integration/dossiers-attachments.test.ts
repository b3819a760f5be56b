/**
 * Dossier files over real HTTP and storage: required components on online submission, the file
 * policy (type by content, size, base64), per-dossier caps under concurrent uploads, who may read a
 * file, later additions, and the receipt and appointment slips (PDF) read back with pdf-parse.
 */
import { DEATH_NOTICE, DEATH_REGISTRATION, DEATH_REGISTRATION_FORM } from '../support/journey';
import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import type { DossiersServices } from '../../subgraphs/dossiers/context';
import { addDossierAttachments } from '../../subgraphs/dossiers/files/add-attachments';
import { AttachmentKind } from '../../subgraphs/dossiers/files/attachment';
import type { AttachmentLimits } from '../../subgraphs/dossiers/files/attachment-uploads';
import { submitDossier } from '../../subgraphs/dossiers/intake/submit-dossier';
import type { SubmitDossierInput } from '../../subgraphs/dossiers/intake/submit-dossier.input';
import { calendarStoreFor, ProcedureCatalogue } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { NO_RELAY } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startDossiersTestServer, type DossiersTestServer } from '../support/dossiers-server';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

/** Đăng ký khai tử: free, online, and one component (the death notice) required as a file. */
const WARD = '000.01.41.H26';

const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
const otherCitizen: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
const wardOfficial: Principal = { id: 'official:ba-dinh-1', role: 'OFFICIAL', agencyCode: WARD, workflowRoles: ['RECEPTION'] };
const otherOfficial: Principal = { id: 'official:tu-phap-1', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const operator: Principal = { id: 'operator:1', role: 'OPERATOR' };

const formData = DEATH_REGISTRATION_FORM;

/** A small file of the given type: its magic bytes, then filler. */
function fileBytes(kind: 'pdf' | 'png', size = 600, fill = 'a'): Buffer {
  const head = kind === 'pdf' ? Buffer.from('%PDF-1.7\n') : Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), fill)]);
}
const upload = (bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  componentName: DEATH_NOTICE,
  fileName: 'giay-bao-tu.pdf',
  contentType: 'application/pdf',
  contentBase64: bytes.toString('base64'),
  ...extra,
});
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.from(base64, 'base64')) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) {
  code attachments { id kind componentName fileName contentType sizeBytes sha256 uploadedBy uploadedAt } } }`;
const ATTACHMENT = `query($id: ID!) { dossierAttachment(id: $id) { id dossierCode fileName sha256 sizeBytes contentBase64 } }`;
const ADD = `mutation($c: String!, $k: AttachmentKind!, $f: [AttachmentUploadInput!]!) {
  addDossierAttachments(code: $c, kind: $k, files: $f) { code attachments { kind fileName componentName sha256 } } }`;
const SLIPS = `query($c: String!) { dossier(code: $c) {
  receiptSlip { fileName contentType sizeBytes sha256 contentBase64 }
  appointmentSlip { fileName sha256 contentBase64 } } }`;

describe('dossier attachments and slips', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let dossiers: DossiersTestServer;
  let url: string;

  beforeAll(async () => {
    dossiers = await startDossiersTestServer();
    ({ db, bus, url } = dossiers);
  });

  afterAll(async () => {
    await dossiers?.stop();
  });

  const call = (query: string, variables: Record<string, unknown>, principal: Principal) => callSubgraph(url, query, variables, principal, TEST_INTERNAL_SECRET);
  const submit = (attachments: unknown[], principal = citizen, extra: Record<string, unknown> = {}) =>
    call(SUBMIT, { i: { procedureCode: DEATH_REGISTRATION, formData, attachments, ...extra } }, principal);

  /** The same intake services the subgraph uses, with lowered caps, for the size limits. */
  const servicesWith = (attachmentLimits: Partial<AttachmentLimits>): DossiersServices & { attachmentLimits: Partial<AttachmentLimits> } => ({
    prisma: db.prisma,
    bus,
    catalogue: new ProcedureCatalogue(db.prisma),
    calendars: calendarStoreFor(db.prisma),
    outbox: NO_RELAY,
    attachmentLimits,
  });

  const counts = async () => {
    const p = db.prisma;
    const [dossiers, attachments, history, outbox, sequences] = await Promise.all([
      p.dossier.count(),
      p.dossierAttachment.count(),
      p.dossierStatusChange.count(),
      p.outboxEvent.count(),
      p.receiptSequence.aggregate({ _sum: { lastNumber: true } }),
    ]);
    return { dossiers, attachments, history, outbox, receiptNumbers: sequences._sum.lastNumber ?? 0 };
  };

  async function expectNothingWritten<T>(action: () => Promise<T>): Promise<T> {
    const before = await counts();
    const result = await action();
    expect(await counts()).toEqual(before);
    return result;
  }

  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions;

  describe('on submission', () => {
    it('refuses an online dossier without its required component, naming it', async () => {
      const res = await expectNothingWritten(() => submit([]));
      expect(errorOf(res)).toMatchObject({ code: 'MISSING_COMPONENTS', missing: [DEATH_NOTICE] });
      // A file that is not that component does not count.
      const other = await expectNothingWritten(() => submit([upload(fileBytes('pdf'), { componentName: null })]));
      expect(errorOf(other)).toMatchObject({ code: 'MISSING_COMPONENTS', missing: [DEATH_NOTICE] });
    });

    it('stores the files with the dossier: metadata listed, content by id for those who may see it', async () => {
      const scan = fileBytes('png', 900, 'z');
      const res = await submit([upload(fileBytes('pdf')), upload(scan, { componentName: null, fileName: 'anh-chup.png', contentType: 'image/png' })]);
      expect(res.errors).toBeUndefined();
      const { code, attachments } = res.data.submitDossier;
      expect(attachments).toHaveLength(2);
      const png = attachments.find((a: any) => a.fileName === 'anh-chup.png');
      expect(png).toMatchObject({ kind: 'APPLICATION', componentName: null, contentType: 'image/png', sizeBytes: 900, sha256: sha256(scan), uploadedBy: citizen.id });
      expect(attachments.find((a: any) => a.fileName === 'giay-bao-tu.pdf').componentName).toBe(DEATH_NOTICE);

      for (const reader of [citizen, wardOfficial, operator]) {
        const file = await call(ATTACHMENT, { id: png.id }, reader);
        expect(file.errors).toBeUndefined();
        expect(file.data.dossierAttachment).toMatchObject({ dossierCode: code, sha256: sha256(scan), sizeBytes: 900 });
        expect(Buffer.from(file.data.dossierAttachment.contentBase64, 'base64').equals(scan)).toBe(true);
      }
      // Not theirs and not there read the same.
      for (const [reader, id] of [[otherCitizen, png.id], [otherOfficial, png.id], [citizen, '00000000-0000-4000-8000-000000000000'], [citizen, 'not-an-id']] as const) {
        expect(errorOf(await call(ATTACHMENT, { id }, reader))).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
      }
    });

    it('refuses mistyped, unsupported, badly encoded and unknown-component files, writing nothing', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [upload(fileBytes('png')), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'], // PNG bytes declared as PDF
        [upload(fileBytes('pdf'), { contentType: 'text/html' }), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentType'],
        [upload(fileBytes('pdf'), { contentBase64: 'JVBERi0x*7' }), 'BAD_USER_INPUT', 'attachments[0].contentBase64'],
        [upload(fileBytes('pdf'), { fileName: '../../etc/passwd' }), 'BAD_USER_INPUT', 'attachments[0].fileName'],
        [upload(fileBytes('pdf'), { componentName: 'Giấy không có trong thủ tục' }), 'BAD_USER_INPUT', 'attachments[0].componentName'],
      ];
      for (const [file, code, field] of cases) {
        const res = await expectNothingWritten(() => submit([file]));
        expect(errorOf(res)).toMatchObject({ code, field });
      }
    });

    it('refuses an oversize file and an oversize dossier before writing anything', async () => {
      const input = (files: unknown[]) => ({ procedureCode: DEATH_REGISTRATION, formData, attachments: files, channel: 'ONLINE', returnMethod: 'COUNTER' }) as unknown as SubmitDossierInput;
      const small = servicesWith({ maxFileBytes: 1000, maxDossierBytes: 1500 });
      await expectNothingWritten(async () => {
        await expect(submitDossier(small, citizen, input([upload(fileBytes('pdf', 1001))]))).rejects.toMatchObject({
          extensions: { code: 'ATTACHMENT_TOO_LARGE', field: 'attachments[0]', maxBytes: 1000 },
        });
        await expect(submitDossier(small, citizen, input([upload(fileBytes('pdf', 900)), upload(fileBytes('pdf', 900))]))).rejects.toMatchObject({
          extensions: { code: 'ATTACHMENT_TOO_LARGE', maxDossierBytes: 1500 },
        });
      });
      const ok = await submitDossier(small, citizen, input([upload(fileBytes('pdf', 1000)), upload(fileBytes('pdf', 500))]));
      expect(await db.prisma.dossierAttachment.count({ where: { dossierId: ok.id } })).toBe(2);
    });
  });

  describe('after submission', () => {
    let code: string;
    beforeAll(async () => {
      const res = await submit([upload(fileBytes('pdf'))]);
      code = res.data.submitDossier.code;
    });

    it('lets the applicant and the agency add files while the dossier is open', async () => {
      const res = await call(ADD, { c: code, k: 'APPLICATION', f: [upload(fileBytes('pdf', 700, 'b'), { componentName: null, fileName: 'ban-sao-cccd.pdf' })] }, citizen);
      expect(res.errors).toBeUndefined();
      expect(res.data.addDossierAttachments.attachments.map((a: any) => a.fileName)).toEqual(['giay-bao-tu.pdf', 'ban-sao-cccd.pdf']);
      const byOfficial = await call(ADD, { c: code, k: 'APPLICATION', f: [upload(fileBytes('png'), { fileName: 'scan.png', contentType: 'image/png' })] }, wardOfficial);
      expect(byOfficial.errors).toBeUndefined();
      const row = await db.prisma.dossierAttachment.findFirstOrThrow({ where: { fileName: 'scan.png' } });
      expect(row.uploadedBy).toBe(wardOfficial.id);
    });

    it('refuses others, result files, supplements nobody asked for and closed dossiers, writing nothing', async () => {
      const file = [upload(fileBytes('pdf'))];
      const refusals: Array<[Principal, string, string]> = [
        [otherCitizen, 'APPLICATION', 'DOSSIER_NOT_FOUND'],
        [otherOfficial, 'APPLICATION', 'DOSSIER_NOT_FOUND'],
        [operator, 'APPLICATION', 'FORBIDDEN'],
        [citizen, 'RESULT', 'BAD_USER_INPUT'],
        [citizen, 'SUPPLEMENT', 'INVALID_TRANSITION'],
      ];
      for (const [principal, kind, expected] of refusals) {
        const res = await expectNothingWritten(() => call(ADD, { c: code, k: kind, f: file }, principal));
        expect(errorOf(res)?.code).toBe(expected);
      }
      const empty = await call(ADD, { c: code, k: 'APPLICATION', f: [] }, citizen);
      expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
    });

    it('takes supplements while a supplement is requested, and nothing once the dossier is closed', async () => {
      await db.prisma.dossier.update({ where: { code }, data: { status: 'SUPPLEMENT_REQUESTED' } });
      const res = await call(ADD, { c: code, k: 'SUPPLEMENT', f: [upload(fileBytes('pdf', 650, 's'), { fileName: 'bo-sung.pdf' })] }, citizen);
      expect(res.errors).toBeUndefined();
      expect(res.data.addDossierAttachments.attachments.at(-1)).toMatchObject({ kind: 'SUPPLEMENT', fileName: 'bo-sung.pdf' });

      await db.prisma.dossier.update({ where: { code }, data: { status: 'WITHDRAWN' } });
      const closed = await expectNothingWritten(() => call(ADD, { c: code, k: 'APPLICATION', f: [upload(fileBytes('pdf'))] }, citizen));
      expect(errorOf(closed)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'WITHDRAWN' });
      await db.prisma.dossier.update({ where: { code }, data: { status: 'NEW' } });
    });

    it('lets only one of two concurrent uploads past the dossier cap', async () => {
      const stored = await db.prisma.dossierAttachment.aggregate({ where: { dossier: { code } }, _sum: { sizeBytes: true } });
      const services = servicesWith({ maxDossierBytes: stored._sum.sizeBytes! + 1000 });
      const add = (fill: string) =>
        addDossierAttachments(services, citizen, { code, kind: AttachmentKind.APPLICATION, files: [upload(fileBytes('pdf', 600, fill))] }).then(
          () => 'ok',
          (err) => err.extensions.code,
        );
      expect((await Promise.all([add('c'), add('d')])).sort()).toEqual(['ATTACHMENT_TOO_LARGE', 'ok']);
    });
  });

  describe('slips', () => {
    it('renders the receipt and appointment slips of a dossier as PDFs with its facts and stable checksums', async () => {
      const res = await submit([upload(fileBytes('pdf'))], citizen, { returnMethod: 'POSTAL', postalAddress: 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội' });
      expect(res.errors).toBeUndefined();
      const code: string = res.data.submitDossier.code;
      const first = await call(SLIPS, { c: code }, citizen);
      expect(first.errors).toBeUndefined();
      const { receiptSlip, appointmentSlip } = first.data.dossier;
      expect(receiptSlip).toMatchObject({ fileName: `phieu-tiep-nhan-${code}.pdf`, contentType: 'application/pdf' });
      const receiptBytes = Buffer.from(receiptSlip.contentBase64, 'base64');
      expect(receiptSlip.sizeBytes).toBe(receiptBytes.length);
      expect(receiptSlip.sha256).toBe(sha256(receiptBytes));

      const receipt = await pdfText(receiptSlip.contentBase64);
      expect(receipt).toContain('PHIẾU TIẾP NHẬN HỒ SƠ');
      expect(receipt).toContain(`Mã hồ sơ: ${code}`);
      expect(receipt).toContain('Người nộp hồ sơ: Nguyễn Văn An');
      expect(receipt).toContain(`${DEATH_NOTICE}: tệp giay-bao-tu.pdf`);
      expect(receipt).toContain('Thủ tục hành chính: Đăng ký khai tử');
      const appointment = await pdfText(appointmentSlip.contentBase64);
      expect(appointment).toContain('PHIẾU HẸN TRẢ KẾT QUẢ');
      expect(appointment).toContain('Qua dịch vụ bưu chính công ích, đến địa chỉ: Số 5 ngõ 12 phố Huế');

      // A later file does not change the receipt; reading again gives the same bytes.
      await call(ADD, { c: code, k: 'APPLICATION', f: [upload(fileBytes('pdf', 800, 'e'), { fileName: 'them.pdf' })] }, citizen);
      const again = await call(SLIPS, { c: code }, wardOfficial);
      expect(again.data.dossier.receiptSlip.sha256).toBe(receiptSlip.sha256);
      expect(again.data.dossier.appointmentSlip.sha256).toBe(appointmentSlip.sha256);
      expect(errorOf(await call(SLIPS, { c: code }, otherCitizen))?.code).toBe('DOSSIER_NOT_FOUND');
    });
  });
});
