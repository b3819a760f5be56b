/** What the lookup needs of the access log (the class in access-log.ts, or a test double). */
import type { Principal } from '../../shared/auth/principal';
import type { AccessLogEntry } from './access-log';

export interface AccessLog {
  record(principal: Principal, source: string, at: Date, entries: readonly AccessLogEntry[]): Promise<void>;
}
