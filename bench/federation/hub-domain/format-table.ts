/** The hub-domain rows as a fixed-width text table, with the per-subgraph fetch breakdown below it. */
import type { HubDomainRow } from './measure-contender';

const num = (v: number | undefined, digits: number) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));
const signed = (v: number | undefined) => (v === undefined ? '-' : `${v >= 0 ? '+' : ''}${v.toFixed(2)}`);

export function formatHubDomainTable(rows: HubDomainRow[]): string {
  const header = ['query', 'contender', 'conns', 'rate/s', 'rps', 'p50 ms', 'p99 ms', 'Δp50', 'Δp99', 'gw CPU-ms/req', 'sg CPU-ms/req', 'gw RSS MB', 'sg req/op', 'errors', 'status'];
  const lines = rows.map((r) => [
    r.query,
    r.contender,
    String(r.connections),
    r.rate ? String(r.rate) : 'max',
    num(r.rps, 0),
    num(r.p50, 2),
    num(r.p99, 2),
    signed(r.overheadP50),
    signed(r.overheadP99),
    num(r.cpuMsPerRequest, 3),
    num(r.subgraphsCpuMsPerRequest, 3),
    r.rssBytes === undefined ? '-' : (r.rssBytes / 2 ** 20).toFixed(0),
    num(r.subgraphRequestsPerOp, 2),
    String(r.errors),
    r.invalid ? `INVALID: ${r.invalid}` : r.rate && r.rps < 0.9 * r.rate ? 'ok (rate not reached: saturated)' : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)];
  const breakdown = rows.filter((r) => r.subgraphRequestsBySubgraph && r.contender === 'hub' && r.rate === undefined && r.connections === 1);
  if (breakdown.length) {
    out.push('', 'Gateway → subgraph fetches per operation (1-connection run):');
    for (const r of breakdown) {
      const parts = Object.entries(r.subgraphRequestsBySubgraph!).map(([name, n]) => `${name} ${n.toFixed(2)}`);
      out.push(`  ${r.query}: ${parts.join(', ') || 'none'}`);
    }
  }
  return out.join('\n');
}
