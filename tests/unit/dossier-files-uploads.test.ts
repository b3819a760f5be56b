/** A batch of uploads for a dossier: component names, file count, per-file and per-dossier caps. */
import { checkUploads, DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '../../subgraphs/dossiers/files/attachment-uploads';
import { LienthongError } from '../../subgraphs/shared/errors';

const components = [
  { name: 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', kind: 'ORIGINAL' as const, count: 1 },
  { name: 'Học bạ', kind: 'ORIGINAL' as const, count: 1 },
];
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 'x')]).toString('base64');
const file = (size = 100, componentName: string | null = null) => ({ fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: pdf(size), componentName });
const limits = (overrides: Partial<AttachmentLimits> = {}): AttachmentLimits => ({ ...DEFAULT_ATTACHMENT_LIMITS, ...overrides });

function failure(run: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(LienthongError);
    const e = err as LienthongError;
    return { code: e.extensions.code as string, details: e.extensions as Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

describe('checkUploads', () => {
  it('keeps the catalogue spelling of a named component and checks every file', () => {
    const [checked] = checkUploads([file(100, ' Học bạ'.normalize('NFD'))], { field: 'files', components, limits: limits() });
    expect(checked).toMatchObject({ componentName: 'Học bạ', sizeBytes: 100, contentType: 'application/pdf' });
    expect(checked.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a component the procedure does not have, naming the known ones', () => {
    const { code, details } = failure(() => checkUploads([file(), file(100, 'Sổ đỏ')], { field: 'files', components, limits: limits() }));
    expect(code).toBe('BAD_USER_INPUT');
    expect(details).toMatchObject({ field: 'files[1].componentName', knownComponents: components.map((c) => c.name) });
  });

  it('caps the number of files per call', () => {
    const { code, details } = failure(() => checkUploads([file(), file(), file()], { field: 'attachments', components, limits: limits({ maxFilesPerCall: 2 }) }));
    expect(code).toBe('BAD_USER_INPUT');
    expect(details).toMatchObject({ field: 'attachments', maxFiles: 2 });
  });

  it('caps one file, and the dossier counting what it already stores', () => {
    expect(failure(() => checkUploads([file(2000)], { field: 'files', components, limits: limits({ maxFileBytes: 1999 }) })).code).toBe('ATTACHMENT_TOO_LARGE');
    const options = { field: 'files', components, limits: limits({ maxDossierBytes: 1000 }), storedBytes: 700 };
    expect(checkUploads([file(300)], options)).toHaveLength(1);
    expect(failure(() => checkUploads([file(200), file(101)], options))).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: { field: 'files', maxDossierBytes: 1000, storedBytes: 700 },
    });
  });

  it('refuses an oversize batch before decoding it', () => {
    // Not even valid base64: the size alone refuses it, so nothing was decoded.
    const junk = { fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: '*'.repeat(4000) };
    expect(failure(() => checkUploads([junk], { field: 'files', components, limits: limits({ maxDossierBytes: 2000 }) })).code).toBe('ATTACHMENT_TOO_LARGE');
  });
});
