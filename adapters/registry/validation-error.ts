import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { MappingIssue } from './types';

/** Thrown when a source fails validation: code ADAPTER_MAPPING_INVALID, every issue found in details.issues. */
export class AdapterValidationError extends LienthongError {
  readonly issues: MappingIssue[];

  constructor(issues: MappingIssue[]) {
    const list = () => issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(ErrorCode.ADAPTER_MAPPING_INVALID, {
      // The issue texts are English (they quote schema and WSDL names); the Vietnamese lead-in says so.
      vi: `Tệp ánh xạ hoặc mô tả dịch vụ không hợp lệ (${issues.length} lỗi): ${list()}`,
      en: `The mapping or service description is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${list()}`,
      details: { issues },
    });
    this.issues = issues;
  }
}

/** Collects issues while a check walks a source, so that every issue is reported at once. */
export class IssueList {
  readonly items: MappingIssue[] = [];

  add(path: string, message: string): void {
    this.items.push({ path, message });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** Throws an {@link AdapterValidationError} when any issue was found. */
  throwIfAny(): void {
    if (!this.empty) throw new AdapterValidationError(this.items);
  }
}
