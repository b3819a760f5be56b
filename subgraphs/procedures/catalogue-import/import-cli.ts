/**
 * `npm run catalogue:import -- <file.csv|file.xlsx> --effective-from YYYY-MM-DD [--dry-run]`
 * (= `node dist/subgraphs/procedures/catalogue-import/import-cli.js …`): imports a catalogue file
 * into the database the configuration names (DATABASE_URL, else the embedded one in
 * EMBEDDED_DATA_DIR), with a progress bar over the rows and a per-row report. Exit code 0 when
 * imported (or checked, with --dry-run), 1 when rejected, 2 on a usage error.
 */
import 'reflect-metadata';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { configFromProcessEnvironment } from '../../shared/config';
import { openDatabase } from '../../shared/storage/database';
import { seedSharedCatalogues } from '../shared-catalogues/seed-shared-catalogues';
import { MAX_IMPORT_BYTES, importCatalogue, reportOfRejection, type CatalogueFileFormat, type RowReport } from './import-catalogue';

interface CliArguments {
  file: string;
  format: CatalogueFileFormat;
  effectiveFrom: string;
  dryRun: boolean;
}

const USAGE = 'usage: import-cli <file.csv|file.xlsx> --effective-from YYYY-MM-DD [--dry-run] [--format CSV|XLSX]';

export function parseArguments(argv: readonly string[]): CliArguments {
  let file: string | undefined;
  let effectiveFrom: string | undefined;
  let format: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--effective-from') effectiveFrom = argv[++i];
    else if (arg.startsWith('--effective-from=')) effectiveFrom = arg.slice('--effective-from='.length);
    else if (arg === '--format') format = argv[++i];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (!file) file = arg;
    else throw new Error(`one file at a time\n${USAGE}`);
  }
  if (!file || !effectiveFrom) throw new Error(USAGE);
  const detected = (format ?? extname(file).slice(1)).toUpperCase();
  if (detected !== 'CSV' && detected !== 'XLSX') throw new Error(`cannot tell the format of ${file}; give --format CSV|XLSX\n${USAGE}`);
  return { file, format: detected, effectiveFrom, dryRun };
}

function printReport(report: readonly RowReport[]): void {
  const bad = report.filter((r) => r.status === 'ERROR');
  for (const r of bad) {
    console.log(`  dòng ${r.row}${r.code ? ` (${r.code})` : ''}:`);
    for (const p of r.problems) console.log(`    - [${p.column}] ${p.message}`);
  }
  console.log(`${report.length} dòng: ${report.length - bad.length} hợp lệ, ${bad.length} có lỗi.`);
}

async function main(): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  // Size before reading: the import refuses larger files anyway.
  if (statSync(args.file).size > MAX_IMPORT_BYTES) {
    console.error(`${args.file} is larger than ${MAX_IMPORT_BYTES} bytes.`);
    return 1;
  }
  const config = configFromProcessEnvironment();
  const db = await openDatabase({ url: config.DATABASE_URL, embeddedDataDir: config.EMBEDDED_DATA_DIR });
  const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} dòng', hideCursor: true }, Presets.shades_classic);
  let started = false;
  try {
    await seedSharedCatalogues(db.prisma);
    const result = await importCatalogue(
      db.prisma,
      { format: args.format, content: readFileSync(args.file) },
      {
        actor: `import:${basename(args.file)}`,
        effectiveFrom: args.effectiveFrom,
        dryRun: args.dryRun,
        onProgress: ({ phase, done, total }) => {
          const label = phase === 'CHECK' ? 'Kiểm tra' : 'Công bố';
          if (!started) {
            bar.start(total, 0, { phase: label });
            started = true;
          }
          bar.update(done, { phase: label });
        },
      },
    );
    bar.stop();
    printReport(result.report);
    console.log(result.dryRun ? 'Chỉ kiểm tra (--dry-run): không lưu gì.' : `Đã công bố ${result.imported} thủ tục, hiệu lực từ ${args.effectiveFrom}.`);
    return 0;
  } catch (err) {
    if (started) bar.stop();
    const report = reportOfRejection(err);
    if (report) {
      printReport(report);
      console.error('Tệp bị từ chối: không thủ tục nào được lưu.');
    } else {
      console.error((err as Error).message);
    }
    return 1;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
