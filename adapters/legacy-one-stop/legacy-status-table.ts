/**
 * The status-code table between a legacy one-stop system (VNPT-iGate style) and the hub, both ways,
 * kept as data (legacy-status-codes.json) so that an integrator changes a mapping without code. It is
 * checked when loaded: every legacy code maps to a hub status, every hub status has a legacy code, and
 * that code is one the legacy system knows. A code the table does not know is a typed error naming the
 * code, never a guess: a dossier shown in the wrong status misleads the citizen and the official.
 */
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import shippedTable from './legacy-status-codes.json';

/** The hub's dossier statuses (subgraphs/dossiers DossierStatus), repeated so the adapter needs no subgraph. */
export const HUB_DOSSIER_STATUSES = [
  'NEW',
  'PAYMENT_DUE',
  'ACCEPTED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'STOPPED',
  'DONE',
  'RETURNED',
] as const;
export type HubDossierStatus = (typeof HUB_DOSSIER_STATUSES)[number];

/** The table file as written. */
export interface LegacyStatusTableSource {
  system: string;
  description?: string;
  legacyToHub: Record<string, { status: string; label: string }>;
  hubToLegacy: Record<string, string>;
}

export interface LegacyStatus {
  /** The legacy system's code, e.g. `2`. */
  code: string;
  /** Its name in the legacy system, e.g. `Đang xử lý`. */
  label: string;
  status: HubDossierStatus;
}

const isHubStatus = (value: unknown): value is HubDossierStatus => HUB_DOSSIER_STATUSES.includes(value as HubDossierStatus);

/** A table file that cannot be used; names the entry at fault. Thrown at start, never while serving. */
export class LegacyStatusTableError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`legacy status table, ${path}: ${message}`);
    this.name = 'LegacyStatusTableError';
  }
}

/** The client-visible error for a legacy status code the table does not know. */
export function unknownLegacyStatus(system: string, legacyStatus: string, dossierCode?: string): LienthongError {
  return new LienthongError(ErrorCode.UPSTREAM_BAD_RESPONSE, {
    vi: `Hệ thống ${system} trả về mã trạng thái ${JSON.stringify(legacyStatus)} không có trong bảng mã${dossierCode ? ` (hồ sơ ${dossierCode})` : ''}.`,
    en: `${system} sent the status code ${JSON.stringify(legacyStatus)}, which the status table does not know${dossierCode ? ` (dossier ${dossierCode})` : ''}.`,
    details: { system, reason: 'UNKNOWN_LEGACY_STATUS', field: 'trangThai', legacyStatus, ...(dossierCode ? { legacyCode: dossierCode } : {}) },
  });
}

export class LegacyStatusTable {
  private constructor(
    readonly system: string,
    private readonly byCode: ReadonlyMap<string, LegacyStatus>,
    private readonly byHub: ReadonlyMap<HubDossierStatus, LegacyStatus>,
  ) {}

  /** Checks `source` and builds the table; throws {@link LegacyStatusTableError} naming the bad entry. */
  static load(source: LegacyStatusTableSource = shippedTable): LegacyStatusTable {
    if (!source || typeof source.system !== 'string' || !/^[A-Z][A-Z0-9_]{1,39}$/.test(source.system)) {
      throw new LegacyStatusTableError('system', 'must name the legacy system, e.g. VNPT_IGATE');
    }
    const byCode = new Map<string, LegacyStatus>();
    for (const [code, entry] of Object.entries(source.legacyToHub ?? {})) {
      const path = `legacyToHub.${code}`;
      if (!/^[A-Za-z0-9_.-]{1,20}$/.test(code)) throw new LegacyStatusTableError(path, 'a legacy code is 1–20 letters, digits, _ . -');
      if (!isHubStatus(entry?.status)) {
        throw new LegacyStatusTableError(`${path}.status`, `${JSON.stringify(entry?.status)} is not a hub status (${HUB_DOSSIER_STATUSES.join(', ')})`);
      }
      if (typeof entry.label !== 'string' || !entry.label.trim()) throw new LegacyStatusTableError(`${path}.label`, 'the legacy name of the status is required');
      byCode.set(code, { code, label: entry.label, status: entry.status });
    }
    if (byCode.size === 0) throw new LegacyStatusTableError('legacyToHub', 'no legacy code is mapped');
    const byHub = new Map<HubDossierStatus, LegacyStatus>();
    for (const [status, code] of Object.entries(source.hubToLegacy ?? {})) {
      const path = `hubToLegacy.${status}`;
      if (!isHubStatus(status)) throw new LegacyStatusTableError(path, `${status} is not a hub status`);
      const legacy = byCode.get(code);
      if (!legacy) throw new LegacyStatusTableError(path, `${JSON.stringify(code)} is not a legacy code of legacyToHub`);
      byHub.set(status, legacy);
    }
    // Every hub status must have a code: a status change with none could never reach the legacy system.
    const missing = HUB_DOSSIER_STATUSES.filter((s) => !byHub.has(s));
    if (missing.length > 0) throw new LegacyStatusTableError(`hubToLegacy.${missing[0]}`, `no legacy code for ${missing.join(', ')}`);
    return new LegacyStatusTable(source.system, byCode, byHub);
  }

  /** The hub status of a legacy code; a code not in the table is a typed error naming it. */
  toHub(legacyCode: string, dossierCode?: string): LegacyStatus {
    const found = this.byCode.get(legacyCode);
    if (!found) throw unknownLegacyStatus(this.system, legacyCode, dossierCode);
    return found;
  }

  /** The legacy code for a hub status. */
  toLegacy(status: string): LegacyStatus {
    const found = isHubStatus(status) ? this.byHub.get(status) : undefined;
    // Unreachable with a loaded table unless the hub gains a status: a programming error, not data.
    if (!found) throw new Error(`legacy status table of ${this.system}: no code for hub status ${status}`);
    return found;
  }

  /** Whether the legacy system, showing `legacyCode`, already agrees with the hub's `status`. */
  agrees(legacyCode: string, status: string): boolean {
    return this.toLegacy(status).code === legacyCode;
  }
}
