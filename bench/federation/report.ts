/**
 * The benchmark's report: printed tables per query (throughput and latency; overhead, resources and
 * planning), the targets of issue 10 marked ✓/✗, extra sections other modules contribute, and the same
 * figures as JSON with the machine they were measured on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { CONTENDER_LABELS } from './contenders';
import type { MeasureSettings, QueryMeasurement, RunFigures } from './measure-query';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
  /** 1-minute load average when the run started (other work on the machine skews figures). */
  loadAverage1m: number;
  packages: Record<string, string>;
}

/** A table another benchmark module contributes (e.g. the hub's own domain queries). */
export interface ExtraSection {
  title: string;
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
}

export interface TargetCheck {
  target: string;
  value?: number;
  threshold: number;
  /** undefined when a contender it needs was not run or its row is invalid. */
  met?: boolean;
}

export interface BenchmarkReport {
  mode: 'smoke' | 'full';
  startedAt: string;
  elapsedSeconds: number;
  machine: MachineInfo;
  settings: MeasureSettings;
  tokens: { minted: number; reusedByContender: Record<string, number> };
  measurements: QueryMeasurement[];
  targets: TargetCheck[];
  extraSections: ExtraSection[];
  /** Failed checks that make the process exit 1 (errors, disagreeing answers, smoke sanity). */
  failures: string[];
}

/** From the installed package.json, found above the resolved entry (some packages do not export it). */
function packageVersion(name: string): string {
  try {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (pkg.name === name) return pkg.version;
    }
  } catch {
    // not installed
  }
  return 'unknown';
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    loadAverage1m: loadavg()[0],
    packages: Object.fromEntries(['@apollo/gateway', '@apollo/server', '@graphql-hive/gateway', 'graphql', 'autocannon'].map((n) => [n, packageVersion(n)])),
  };
}

const find = (ms: QueryMeasurement[], contender: string, query: string) => ms.find((m) => m.contender === contender && m.query === query);
const usable = (m?: QueryMeasurement) => (m && m.invalid.length === 0 ? m : undefined);

export function targetChecks(ms: QueryMeasurement[]): TargetCheck[] {
  const ratio = (other: string, threshold: number): TargetCheck => {
    const hub = usable(find(ms, 'hub', 'TestQuery'))?.throughput?.rps;
    const them = usable(find(ms, other, 'TestQuery'))?.throughput?.rps;
    const value = hub !== undefined && them ? hub / them : undefined;
    return { target: `TestQuery RPS hub / ${CONTENDER_LABELS[other as 'apollo']} ≥ ${threshold}×`, value, threshold, met: value === undefined ? undefined : value >= threshold };
  };
  const hubP50 = usable(find(ms, 'hub', 'Users'))?.latency?.p50;
  const floorP50 = usable(find(ms, 'direct', 'Users'))?.latency?.p50;
  const overhead = hubP50 !== undefined && floorP50 !== undefined ? hubP50 - floorP50 : undefined;
  return [
    ratio('apollo', 1.5),
    ratio('hive', 1.2),
    { target: 'single-subgraph p50 overhead over the floor (1 connection) ≤ 1 ms', value: overhead, threshold: 1, met: overhead === undefined ? undefined : overhead <= 1 },
  ];
}

const ms2 = (v?: number) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2));
const int = (v?: number) => (v === undefined || Number.isNaN(v) ? '—' : Math.round(v).toLocaleString('en-US'));
const pair = (run?: RunFigures) => (run ? `${ms2(run.p50)} / ${ms2(run.p99)}` : '—');
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
const mark = (met?: boolean) => (met === undefined ? '?' : met ? '✓' : '✗');

function table(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function queryTables(report: BenchmarkReport, query: string): string {
  const rows = report.measurements.filter((m) => m.query === query);
  const hub = find(rows, 'hub', query)?.throughput?.rps;
  const floor = find(rows, 'direct', query);
  const rates = report.settings.rates;
  const label = (m: QueryMeasurement) => `${CONTENDER_LABELS[m.contender]}${m.invalid.length ? ' INVALID' : ''}`;
  const speed = table(
    ['contender', `RPS @${report.settings.throughputConnections} conn`, 'hub / it', 'p50 / p99 ms, 1 conn', ...rates.map((r) => `p50 / p99 ms @${r}/s`)],
    rows.map((m) => [
      label(m),
      int(m.throughput?.rps),
      hub && m.throughput?.rps ? `${(hub / m.throughput.rps).toFixed(2)}×` : '—',
      pair(m.latency),
      ...rates.map((_, i) => {
        const run = m.rates[i];
        return run ? `${pair(run)}${run.rateMet ? '' : ` (only ${int(run.rps)}/s)`}` : '—';
      }),
    ]),
  );
  const over = (run?: RunFigures, base?: RunFigures) => (run && base ? `${signed(run.p50 - base.p50)} / ${signed(run.p99 - base.p99)}` : '—');
  const resources = table(
    ['contender', ...(floor ? ['overhead p50 / p99 ms, 1 conn', ...rates.map((r) => `overhead @${r}/s`)] : []), 'CPU ms/req', 'CPU share', 'RSS MiB', 'subgraph req/op', 'planning cold / warm ms'],
    rows.map((m) => [
      label(m),
      ...(floor ? [over(m.latency, floor.latency), ...rates.map((_, i) => over(m.rates[i], floor.rates[i]))] : []),
      ms2(m.cpuMsPerRequest),
      m.gatewayCpuShare === undefined ? '—' : `${Math.round(m.gatewayCpuShare * 100)} %`,
      m.rssMaxMiB === undefined ? '—' : m.rssMaxMiB.toFixed(0),
      m.subgraphRequestsPerOperation === undefined ? '—' : String(m.subgraphRequestsPerOperation),
      m.planning ? `${ms2(m.planning.coldMs)} / ${ms2(m.planning.warmMs)}` : '—',
    ]),
  );
  return `## ${query}${floor ? ' (floor: the subgraph called directly)' : ''}\n\n${speed}\n\n${resources}`;
}

export function formatReport(report: BenchmarkReport): string {
  const { machine, settings } = report;
  const queries = [...new Set(report.measurements.map((m) => m.query))];
  const parts = [
    `# Gateway benchmark (${report.mode}), ${report.startedAt}, ${report.elapsedSeconds.toFixed(0)} s`,
    `${machine.cpuModel}, ${machine.cores} cores (gateway pinned to CPU 0; subgraphs and load to CPU 1), Node ${machine.node}, load avg ${machine.loadAverage1m.toFixed(2)}; ` +
      `${Object.entries(machine.packages).map(([n, v]) => `${n} ${v}`).join(', ')}`,
    `Runs of ${settings.durationSeconds} s after ${settings.warmupSeconds} s warm-up; fixed rates with evenly spaced arrivals over at most ${settings.rateConnections} connections, latency from when each request was due; ` +
      `a distinct bearer token per request (${int(report.tokens.minted)} minted, reused: ${Object.entries(report.tokens.reusedByContender).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}).`,
    ...queries.map((q) => queryTables(report, q)),
    // Extra sections (e.g. the hub's own domain queries) print here, after the reference workload.
    ...report.extraSections.map((s) => `## ${s.title}\n\n${table(s.columns, s.rows.map((r) => s.columns.map((c) => String(r[c] ?? '—'))))}`),
    `## Targets${report.mode === 'full' ? ' (informational)' : ''}\n\n` +
      report.targets.map((t) => `${mark(t.met)} ${t.target}: ${t.value === undefined ? 'not measured' : t.value.toFixed(2)}`).join('\n'),
    report.failures.length ? `## FAILED\n\n${report.failures.map((f) => `- ${f}`).join('\n')}` : '## All answers checked: no errors, all contenders agree',
  ];
  return `${parts.join('\n\n')}\n`;
}
