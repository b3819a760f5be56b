/**
 * `npm run access-log:verify`: checks the citizen access log's hash chain in the configured database
 * and exits 0 when it is intact, 1 when it is not (or the check could not run).
 */
import { configFromProcessEnvironment } from '../../shared/config';
import { openDatabase } from '../../shared/storage/database';
import { verifyAccessLog } from './verify-access-log';

async function main(): Promise<number> {
  const config = configFromProcessEnvironment();
  const db = await openDatabase({ url: config.DATABASE_URL, embeddedDataDir: config.EMBEDDED_DATA_DIR });
  try {
    const result = await verifyAccessLog(db.prisma);
    console.log(JSON.stringify(result, null, 2));
    if (result.ok) console.log(`access log intact: ${result.checked} rows, last hash ${result.lastHash}`);
    else console.error(`access log BROKEN at id ${result.firstBrokenId}: ${result.problem}`);
    return result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('access log verification failed to run:', err);
    process.exit(1);
  },
);
