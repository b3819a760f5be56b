/**
 * The receipt and appointment slips: real PDFs whose text (read back with pdf-parse) carries the
 * receipt code and Vietnamese with its diacritics, rendered byte-for-byte the same for the same dossier.
 */
import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { SubmissionChannel } from '../../subgraphs/dossiers/dossier/dossier-status';
import { renderAppointmentSlip, renderReceiptSlip, vietnameseDateTime, type SlipFacts } from '../../subgraphs/dossiers/documents/dossier-slips';
import { ReturnMethod } from '../../subgraphs/dossiers/intake/return-method';

const facts: SlipFacts = {
  code: '000.00.12.H26-261130-0007',
  legacySystem: null,
  agencyName: 'Sở Tư pháp Thành phố Hà Nội',
  procedureCode: '2.001417',
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  procedureVersion: 1,
  applicantName: 'Nguyễn Thị Ánh Tuyết',
  applicantPersonalId: '001090012345',
  subjectTaxCode: null,
  channel: SubmissionChannel.COUNTER,
  returnMethod: ReturnMethod.COUNTER,
  postalAddress: null,
  receivedAt: new Date('2026-11-30T07:05:00Z'), // 14:05 in Hà Nội
  appointmentAt: new Date('2026-12-14T10:00:00Z'), // 17:00
  components: [{ componentName: 'Văn bản ủy quyền', fileName: 'uy-quyen.pdf', sizeBytes: 20480 }],
  receptionPlace: { place: 'Trung tâm Phục vụ hành chính công', address: '258 Võ Chí Công, Hà Nội', hours: 'Sáng 8:00–12:00, chiều 13:00–17:00' },
};

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    // Long lines wrap: compare with the line breaks folded into spaces.
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('dossier slips', () => {
  it('writes local times the Vietnamese way', () => {
    expect(vietnameseDateTime(facts.receivedAt)).toBe('14 giờ 05 phút, thứ hai ngày 30/11/2026');
  });

  it('renders the receipt slip with the code, the applicant, the components and exact diacritics', async () => {
    const pdf = await renderReceiptSlip(facts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('000.00.12.H26-261130-0007');
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
    expect(text).toContain('Văn bản ủy quyền: tệp uy-quyen.pdf (20,0 KB)');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('14 giờ 05 phút, thứ hai ngày 30/11/2026');
  });

  it('renders the appointment slip with the time and the return method', async () => {
    const text = await textOf(await renderAppointmentSlip(facts));
    expect(text).toContain('PHIẾU HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('17 giờ 00 phút, thứ hai ngày 14/12/2026');
    expect(text).toContain('Trực tiếp tại Bộ phận Một cửa');
    expect(text).toContain('Trung tâm Phục vụ hành chính công');
    const postal = await textOf(
      await renderAppointmentSlip({ ...facts, returnMethod: ReturnMethod.POSTAL, postalAddress: 'Số 5 ngõ 12 phố Huế, Phường Hai Bà Trưng, Hà Nội' }),
    );
    expect(postal).toContain('Số 5 ngõ 12 phố Huế');
  });

  it('gives the same bytes for the same dossier and different bytes for another', async () => {
    const [a, b] = await Promise.all([renderReceiptSlip(facts), renderReceiptSlip({ ...facts })]);
    expect(sha256(a)).toBe(sha256(b));
    const other = await renderReceiptSlip({ ...facts, code: '000.00.12.H26-261130-0008' });
    expect(sha256(other)).not.toBe(sha256(a));
  });
});
