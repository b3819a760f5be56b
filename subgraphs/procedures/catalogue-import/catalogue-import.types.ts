/** GraphQL types of the catalogue import (nhập danh mục thủ tục từ tệp CSV/XLSX). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export const CatalogueFileFormat = { CSV: 'CSV', XLSX: 'XLSX' } as const;
registerEnumType(CatalogueFileFormat, { name: 'CatalogueFileFormat', description: 'Định dạng tệp danh mục: CSV (UTF-8) hoặc XLSX' });

export const CatalogueRowStatus = { OK: 'OK', ERROR: 'ERROR' } as const;
registerEnumType(CatalogueRowStatus, { name: 'CatalogueRowStatus', description: 'Kết quả kiểm tra một dòng' });

@ObjectType({ description: 'Một lỗi của một dòng, theo cột (e.g. "Phí, lệ phí (đồng)")' })
export class CatalogueImportProblem {
  @Field({ description: 'Tên cột như trong tệp mẫu' })
  column!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Kết quả kiểm tra một dòng của tệp danh mục' })
export class CatalogueImportRow {
  @Field(() => Int, { description: 'Số dòng trong tệp (như bảng tính hiển thị; dòng tiêu đề tính cả)' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'Mã thủ tục của dòng' })
  code!: string | null;

  @Field(() => CatalogueRowStatus)
  status!: keyof typeof CatalogueRowStatus;

  @Field(() => [CatalogueImportProblem])
  problems!: CatalogueImportProblem[];
}

@ObjectType({ description: 'Kết quả nhập danh mục thủ tục hành chính' })
export class CatalogueImportResult {
  @Field(() => Int, { description: 'Số thủ tục đã công bố (0 khi chỉ kiểm tra)' })
  imported!: number;

  @Field({ description: 'Chỉ kiểm tra, không lưu' })
  dryRun!: boolean;

  @Field(() => [CatalogueImportRow], { description: 'Báo cáo từng dòng' })
  report!: CatalogueImportRow[];
}
