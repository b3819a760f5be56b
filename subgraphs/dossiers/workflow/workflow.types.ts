/** GraphQL types of dossier processing: step rows, the result document, the work queue, inputs. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StoredFile } from '../../shared/documents/stored-file';
import { PageInfo } from '../../procedures/procedure/procedure-connection';
import { WorkflowRole } from '../../procedures/workflow';
import { Dossier } from '../dossier/dossier';
import { StepOutcome, type DossierStepRow } from './step-rows';

registerEnumType(StepOutcome, {
  name: 'DossierStepOutcome',
  description: 'Kết quả của một bước xử lý (how a step ended)',
  valuesConfig: {
    COMPLETED: { description: 'Đã hoàn thành' },
    REJECTED: { description: 'Hồ sơ bị từ chối hoặc dừng xử lý tại bước này' },
    TRANSFERRED: { description: 'Chuyển liên thông sang cơ quan khác' },
    CANCELLED: { description: 'Hủy (công dân rút hồ sơ, hoặc bước dự kiến không thực hiện)' },
    PLANNED: { description: 'Dự kiến: bước liên thông chưa bắt đầu' },
  },
});

@ObjectType('DossierStep', { description: 'Một bước xử lý của hồ sơ (workflow step row): ai, ở đâu, hạn khi nào' })
export class DossierStepInfo {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Khóa bước (step key)' })
  key!: string;

  @Field({ description: 'Tên bước' })
  name!: string;

  @Field(() => WorkflowRole, { description: 'Vai trò thực hiện' })
  role!: WorkflowRole;

  @Field({ description: 'Mã cơ quan thực hiện bước (differs from the receiving agency during a transfer)' })
  agencyCode!: string;

  @Field({ description: 'Bắt đầu (scheduled start for a PLANNED step)' })
  startedAt!: Date;

  @Field({ description: 'Hạn hoàn thành bước (working-day calendar)' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Người hoàn thành (account id)' })
  completedBy!: string | null;

  @Field(() => StepOutcome, { nullable: true, description: 'Null while the step is open' })
  outcome!: StepOutcome | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

export function toDossierStep(row: DossierStepRow): DossierStepInfo {
  return Object.assign(new DossierStepInfo(), {
    id: row.id.toString(),
    key: row.stepKey,
    name: row.stepName,
    role: row.role as WorkflowRole,
    agencyCode: row.agencyCode,
    startedAt: row.startedAt,
    dueAt: row.dueAt,
    completedAt: row.completedAt,
    completedBy: row.completedBy,
    outcome: row.outcome as StepOutcome | null,
    note: row.note,
  });
}

@ObjectType('DossierResult', { description: 'Kết quả giải quyết điện tử (electronic result document)' })
export class DossierResultInfo extends StoredFile {
  /** The dossier's row id: loads the content on demand. */
  dossierId!: string;

  @Field({ description: 'Số, ký hiệu văn bản' })
  documentNumber!: string;

  @Field({ description: 'Trích yếu' })
  title!: string;

  @Field({ description: 'Cán bộ ban hành (account id)' })
  issuedBy!: string;

  @Field(() => String, { nullable: true, description: 'Họ tên cán bộ ban hành' })
  issuedByName!: string | null;

  @Field()
  issuedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Mã vận đơn khi trả kết quả qua bưu chính' })
  postalTracking!: string | null;
}

@ObjectType({ description: 'Một việc cần xử lý: bước đang mở và hồ sơ của nó' })
export class WorkItem {
  @Field(() => DossierStepInfo)
  step!: DossierStepInfo;

  @Field(() => Dossier)
  dossier!: Dossier;
}

@ObjectType()
export class WorkItemEdge {
  @Field({ description: 'Con trỏ mờ (opaque cursor) to pass as `after`' })
  cursor!: string;

  @Field(() => WorkItem)
  node!: WorkItem;
}

@ObjectType({ description: 'Hàng đợi công việc của cán bộ: bước đến hạn sớm nhất trước (oldest due first)' })
export class WorkQueueConnection {
  @Field(() => [WorkItemEdge])
  edges!: WorkItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Tổng số việc trong hàng đợi (all pages)' })
  totalCount!: number;
}

@InputType({ description: 'Một bước do cơ quan phối hợp thực hiện (liên thông)' })
export class TransferStepInput {
  @Field({ description: 'Khóa bước: chữ cái đầu, rồi chữ, số, _' })
  key!: string;

  @Field({ description: 'Tên bước' })
  name!: string;

  @Field(() => WorkflowRole)
  role!: WorkflowRole;

  @Field(() => Float, { description: 'Thời hạn, giờ làm việc (8 giờ một ngày)' })
  durationWorkingHours!: number;
}

@InputType({ description: 'Tệp kết quả (PDF, ảnh hoặc DOCX), base64' })
export class ResultFileInput {
  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field()
  contentBase64!: string;
}

@InputType({ description: 'Kết quả giải quyết cần ban hành' })
export class IssueResultInput {
  @Field({ description: 'Số, ký hiệu văn bản, e.g. 123/GKS-UBND' })
  documentNumber!: string;

  @Field({ description: 'Trích yếu' })
  title!: string;

  @Field(() => ResultFileInput)
  file!: ResultFileInput;
}
