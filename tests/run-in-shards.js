#!/usr/bin/env node
/**
 * `npm test`: the whole suite as a few jest processes run one after another, each on a shard of the
 * test files, in band with --detectOpenHandles.
 *
 * Why: in one in-band process every test file's module graph (Prisma, Apollo, graphql, ts-jest output)
 * stays reachable through jest's VM contexts, so the process grew to 7 GB and spent the last half of
 * the run in garbage collection (17–25 minutes instead of 11). A fresh process per shard caps that
 * growth; --detectOpenHandles forbids jest's own recycled workers, which would do the same.
 *
 * Any argument (a path, -t, --selectProjects…) runs one plain jest process with those arguments.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** Shards for a full run. @default 4 */
const SHARDS = 4;
const JEST = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const NODE_FLAGS = ['--experimental-vm-modules', '--max-old-space-size=12288'];

function jest(args) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [...NODE_FLAGS, JEST, '--detectOpenHandles', ...args], { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (run.error) throw run.error;
  return { status: run.status ?? 1, signal: run.signal, seconds };
}

const extra = process.argv.slice(2);
if (extra.length > 0) process.exit(jest(extra).status);

const results = [];
for (let shard = 1; shard <= SHARDS; shard += 1) {
  console.log(`\n── jest shard ${shard}/${SHARDS} ──`);
  results.push({ shard, ...jest([`--shard=${shard}/${SHARDS}`]) });
}
console.log('\n── all shards ──');
for (const r of results) {
  console.log(`shard ${r.shard}/${SHARDS}: ${r.status === 0 ? 'passed' : `FAILED (${r.signal ?? `exit ${r.status}`})`} in ${r.seconds} s`);
}
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
