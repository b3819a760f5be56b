-- Issue 7: a publication sequence on outbox events, the cursor subscribers resume from.
-- Ids are taken at insert and can commit out of order; `seq` is given by the relay, one relay at a
-- time (advisory lock), in the transaction that leases the events, so it is visible in commit order:
-- whoever sees seq N sees every seq below N, and "everything after cursor C" never misses a late commit.

-- AlterTable
ALTER TABLE "outbox_event" ADD COLUMN "seq" BIGINT;

-- Events that existed before keep their order.
UPDATE "outbox_event" SET "seq" = "id";

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");
