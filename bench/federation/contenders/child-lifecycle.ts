/**
 * How a contender child announces itself and ends: one JSON line with its URL on stdout; it stops on
 * SIGTERM/SIGINT, and also when its stdin closes, which happens when the orchestrator dies without
 * cleaning up (so no gateway outlives a killed benchmark).
 */
export async function serveUntilStopped(url: string, stop: () => Promise<void>): Promise<void> {
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);
  let stopping = false;
  const end = async () => {
    if (stopping) return;
    stopping = true;
    const fuse = setTimeout(() => process.exit(1), 4_000);
    fuse.unref();
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', end);
  process.on('SIGINT', end);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  process.stdin.resume();
}
