/**
 * Group commit for intake. Every submission to one agency on one day takes the same receipt-number
 * row, and that row stays locked until its commit is on disk: one at a time, submissions to one
 * agency could not go faster than the disk flushes. So while a statement for an agency's day is in
 * flight, the submissions that arrive meanwhile wait and then go together, in arrival order, in the
 * next statement (insert-dossier.ts): one lock, one commit, consecutive numbers. A submission that
 * arrives when nothing is in flight goes at once, alone: no added latency when it is quiet.
 *
 * If a batch fails (one retry hitting its idempotency key, say), nothing of it was written — numbers
 * included — and each submission of it is tried again alone, so each gets its own answer.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { insertDossiers, type InsertedDossier, type NewDossier } from './insert-dossier';

export interface IntakeBatcherOptions {
  /** Most submissions in one statement. @default 64 */
  maxBatch?: number;
}

interface Waiting {
  dossier: NewDossier;
  resolve(inserted: InsertedDossier): void;
  reject(err: unknown): void;
}

export class IntakeBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly maxBatch: number;

  constructor(
    private readonly prisma: PrismaClient,
    options: IntakeBatcherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 64;
  }

  /** Inserts the dossier (without files), with others of its agency's day when they come together. */
  insert(dossier: NewDossier): Promise<InsertedDossier> {
    const key = `${dossier.columns.agencyCode}\u0000${dossier.receivedDay}`;
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ dossier, resolve, reject });
        return;
      }
      const fresh: Waiting[] = [{ dossier, resolve, reject }];
      this.queues.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, queue: Waiting[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      try {
        const inserted = await insertDossiers(this.prisma, batch.map((w) => w.dossier));
        batch.forEach((w, i) => w.resolve(inserted[i]));
      } catch (err) {
        if (batch.length === 1) batch[0].reject(err);
        else for (const w of batch) await insertDossiers(this.prisma, [w.dossier]).then(([one]) => w.resolve(one), w.reject);
      }
    }
    this.queues.delete(key);
  }
}
