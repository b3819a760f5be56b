/** GraphQL types of a procedure's workflow (quy trình nội bộ, seed 002) and of its input. */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_STEPS, WorkflowRole, WorkflowStepKind, type WorkflowStep as WorkflowStepDefinition } from './workflow-definition';
import { longestPathHours } from './workflow-graph';
import type { StoredWorkflow } from './workflow-store';

registerEnumType(WorkflowRole, {
  name: 'WorkflowRole',
  description: 'Vai trò thực hiện bước xử lý (who performs a workflow step)',
  valuesConfig: {
    RECEPTION: { description: 'Bộ phận tiếp nhận và trả kết quả (một cửa): tiếp nhận, kiểm tra hồ sơ' },
    SPECIALIST: { description: 'Chuyên viên thụ lý của phòng chuyên môn: thẩm định, dự thảo kết quả' },
    LEADER: { description: 'Lãnh đạo phòng chuyên môn: xem xét dự thảo' },
    AGENCY_LEADER: { description: 'Lãnh đạo cơ quan (UBND, sở): ký kết quả' },
    COORDINATING_AGENCY: { description: 'Cơ quan phối hợp (một cửa liên thông)' },
    CLERK: { description: 'Văn thư: vào sổ, đóng dấu, phát hành' },
    RESULT_RETURN: { description: 'Bộ phận trả kết quả cho công dân, tổ chức' },
  },
});

registerEnumType(WorkflowStepKind, {
  name: 'WorkflowStepKind',
  description: 'Loại bước xử lý (kind of workflow step)',
  valuesConfig: {
    NORMAL: { description: 'Bước xử lý thông thường' },
    APPROVAL: { description: 'Bước phê duyệt: đồng ý, hoặc từ chối có lý do' },
    RETURN_RESULT: { description: 'Bước trả kết quả; hồ sơ hoàn thành' },
  },
});

@ObjectType({ description: 'Bước xử lý hồ sơ trong quy trình (workflow step)' })
export class WorkflowStep {
  @Field({ description: 'Khóa của bước, duy nhất trong quy trình (step key)' })
  key!: string;

  @Field({ description: 'Tên bước (step name)' })
  name!: string;

  @Field(() => WorkflowRole, { description: 'Vai trò thực hiện' })
  role!: WorkflowRole;

  @Field(() => WorkflowStepKind)
  kind!: WorkflowStepKind;

  @Field(() => Float, { description: 'Thời hạn của bước, tính bằng giờ làm việc (8 giờ một ngày làm việc)' })
  durationWorkingHours!: number;

  @Field(() => [String], { description: 'Khóa các bước có thể tiếp theo; rỗng = bước cuối (next step keys)' })
  next!: string[];
}

@ObjectType({ description: 'Một phiên bản quy trình xử lý của thủ tục (workflow definition version, seed 002)' })
export class WorkflowDefinitionInfo {
  @Field({ description: 'Mã thủ tục' })
  procedureCode!: string;

  @Field(() => Int, { description: 'Số phiên bản, tăng dần từ 1' })
  version!: number;

  @Field({ description: 'Khóa của bước đầu tiên' })
  start!: string;

  @Field(() => [WorkflowStep], { description: 'Các bước, theo thứ tự khai báo' })
  steps!: WorkflowStep[];

  @Field(() => Float, { description: 'Tổng thời gian của nhánh dài nhất, giờ làm việc (longest path)' })
  totalWorkingHours!: number;

  @Field({ description: 'Thời điểm tạo (created at)' })
  createdAt!: Date;

  @Field({ description: 'Người tạo (principal id)' })
  createdBy!: string;
}

@InputType({ description: 'Bước xử lý: thời hạn tính bằng giờ hoặc ngày làm việc, không cả hai' })
export class WorkflowStepInput {
  @Field({ description: 'Khóa của bước: chữ cái đầu, rồi chữ, số, _ (e.g. tiep_nhan)' })
  key!: string;

  @Field({ description: 'Tên bước' })
  name!: string;

  @Field(() => WorkflowRole)
  role!: WorkflowRole;

  @Field(() => WorkflowStepKind, { nullable: true, description: 'Loại bước; mặc định NORMAL' })
  kind?: WorkflowStepKind | null;

  @Field(() => Float, { nullable: true, description: 'Thời hạn, giờ làm việc (> 0)' })
  durationWorkingHours?: number | null;

  @Field(() => Float, { nullable: true, description: 'Thời hạn, ngày làm việc (> 0; 1 ngày = 8 giờ)' })
  durationWorkingDays?: number | null;

  @Field(() => [String], { description: 'Khóa các bước tiếp theo; [] cho bước cuối' })
  next!: string[];
}

@InputType({ description: `Quy trình xử lý: các bước (tối đa ${MAX_STEPS}) tạo thành đồ thị không chu trình từ bước start` })
export class WorkflowInput {
  @Field({ description: 'Khóa của bước đầu tiên' })
  start!: string;

  @Field(() => [WorkflowStepInput])
  steps!: WorkflowStepInput[];
}

/** GraphQL input → plain definition candidate for the validator (absent optionals left out). */
export function fromWorkflowInput(input: WorkflowInput): unknown {
  return {
    start: input.start,
    steps: input.steps.map((s) => {
      const step: Record<string, unknown> = { key: s.key, name: s.name, role: s.role, next: s.next };
      if (s.kind != null) step.kind = s.kind;
      if (s.durationWorkingHours != null) step.durationWorkingHours = s.durationWorkingHours;
      if (s.durationWorkingDays != null) step.durationWorkingDays = s.durationWorkingDays;
      return step;
    }),
  };
}

export function toWorkflowDefinitionInfo(stored: StoredWorkflow): WorkflowDefinitionInfo {
  const { start, steps } = stored.definition;
  return {
    procedureCode: stored.procedureCode,
    version: stored.version,
    start,
    steps: steps.map((s: WorkflowStepDefinition) => ({ ...s, next: [...s.next] })),
    totalWorkingHours: longestPathHours(stored.definition).hours,
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}
