import type { BenchProvider } from './bench-types';
import type { VariantSummary } from './variant-summary';

/** One line of the table: a measure, with one cell per variant. */
interface Measure {
  title: string;
  cell: (row: VariantSummary) => string;
}

const fixed = (value: number | undefined, digits: number): string => (value === undefined ? 'n/a' : value.toFixed(digits));

const measures: readonly Measure[] = [
  { title: 'jobs completed', cell: (row) => `${row.completed}/${row.jobs}` },
  { title: 'client CPU per job (ms)', cell: (row) => fixed(row.cpuPerJobMs, 3) },
  { title: 'client CPU per request (ms)', cell: (row) => fixed(row.cpuPerJobMs / row.requestsPerJob, 3) },
  { title: 'client event-loop busy', cell: (row) => `${fixed(row.eventLoopUtilization * 100, 0)}%` },
  { title: 'peak RSS (MB, whole process)', cell: (row) => fixed(row.peakRssMb, 1) },
  { title: 'RSS rise during run (MB)', cell: (row) => fixed(row.rssDeltaMb, 1) },
  { title: 'peak heap delta (MB)', cell: (row) => fixed(row.peakHeapDeltaMb, 1) },
  { title: 'requests per job', cell: (row) => fixed(row.requestsPerJob, 2) },
  { title: '  submit / status / result', cell: (row) => [row.routesPerJob.submit, row.routesPerJob.status, row.routesPerJob.result].map((value) => fixed(value, 2)).join(' / ') },
  { title: 'sockets opened (server / client)', cell: (row) => `${row.serverSockets} / ${row.clientSockets}` },
  { title: 'sockets open at once (server)', cell: (row) => String(row.peakOpenSockets) },
  { title: 'wall time (s)', cell: (row) => fixed(row.wallMs / 1000, 2) },
  { title: 'detection lag p50 (ms)', cell: (row) => fixed(row.lagP50Ms, 0) },
  { title: 'detection lag p95 (ms)', cell: (row) => fixed(row.lagP95Ms, 0) },
  { title: 'detection lag max (ms)', cell: (row) => fixed(row.lagMaxMs, 0) },
  { title: 'sandbox CPU (s)', cell: (row) => fixed(row.sandboxCpuMs / 1000, 2) },
];

const lagMethods: Readonly<Record<BenchProvider, string>> = {
  segmind: 'detection lag = result in hand (client Date.now()) − (submit arrival at the sandbox + the job\'s queue + run time)',
  apixo: "detection lag = result in hand (client Date.now()) − the status envelope's completeTime (the sandbox's finish time)",
  minimax: 'detection lag = response in hand (client Date.now()) − (request arrival at the sandbox + the job\'s queue + run time)',
};

/** The side-by-side table of one provider's run (a column per variant), with notes. */
export function renderTable(provider: BenchProvider, heading: string, rows: readonly VariantSummary[]): string {
  const lines = [['', ...rows.map((row) => row.label)], ...measures.map((measure) => [measure.title, ...rows.map((row) => measure.cell(row))])];
  const widths = lines[0]?.map((_, index) => Math.max(...lines.map((line) => (line[index] ?? '').length))) ?? [];
  const format = (line: readonly string[]): string =>
    line.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ').trimEnd();
  const output = [heading, '', format(lines[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const line of lines.slice(1)) output.push(format(line));
  output.push('', `  ${lagMethods[provider]}`);
  for (const row of rows) {
    if (row.createSkewMs !== undefined) output.push(`  ${row.label}: createTime − submit arrival averages ${row.createSkewMs.toFixed(2)} ms (error of the arrival-based estimate)`);
    for (const failure of row.failures) output.push(`  ${row.label}: ${failure}`);
  }
  return output.join('\n');
}
