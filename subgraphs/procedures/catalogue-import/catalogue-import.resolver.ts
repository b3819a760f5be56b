/** `importProcedureCatalogue`: operators upload a catalogue file (base64) exported by an agency. */
import { GraphQLDate } from 'graphql-scalars';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { ProceduresContext } from '../context';
import { requireCatalogueOperator } from '../shared-catalogues/catalogue-access';
import { CatalogueFileFormat, CatalogueImportResult } from './catalogue-import.types';
import { MAX_IMPORT_BYTES, importCatalogue } from './import-catalogue';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  // Size first: never decode more than the import would accept.
  if (compact.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4) {
    throw new LienthongError(ErrorCode.IMPORT_REJECTED, {
      details: { row: 1, column: '(file)', report: [{ row: 1, code: null, status: 'ERROR', problems: [{ column: '(file)', message: `larger than ${MAX_IMPORT_BYTES} bytes` }] }] },
    });
  }
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Nội dung tệp phải mã hóa base64.',
      en: 'contentBase64 must be base64.',
      details: { argument: 'contentBase64' },
    });
  }
  return Buffer.from(compact, 'base64');
}

@Resolver()
export class CatalogueImportResolver {
  @Mutation(() => CatalogueImportResult, {
    description:
      'Nhập danh mục thủ tục từ tệp CSV/XLSX (chỉ cán bộ vận hành): một dòng lỗi thì không lưu gì, lỗi IMPORT_REJECTED kèm báo cáo từng dòng',
  })
  async importProcedureCatalogue(
    @Arg('format', () => CatalogueFileFormat) format: keyof typeof CatalogueFileFormat,
    @Arg('contentBase64', { description: 'Nội dung tệp, mã hóa base64' }) contentBase64: string,
    @Arg('effectiveFrom', () => GraphQLDate, { description: 'Ngày bắt đầu hiệu lực của các thủ tục nhập' }) effectiveFrom: Date,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Chỉ kiểm tra, không lưu' }) dryRun: boolean,
    @Ctx() ctx: ProceduresContext,
  ): Promise<CatalogueImportResult> {
    requireCatalogueOperator(ctx.principal, { vi: 'nhập danh mục thủ tục', en: 'import the procedure catalogue' });
    return importCatalogue(ctx.prisma, { format, content: decodeBase64(contentBase64) }, { actor: ctx.principal.id, effectiveFrom, dryRun });
  }
}
