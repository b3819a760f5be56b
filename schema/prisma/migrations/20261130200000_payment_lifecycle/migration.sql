-- Issue 6: payment lifecycle (expiry, refunds), callback log, reconciliation.

-- AlterTable
ALTER TABLE "payment" ADD COLUMN "provider_txn_id" TEXT,
ADD COLUMN "expires_at" TIMESTAMP(3),
ADD COLUMN "failure_reason" TEXT,
ADD COLUMN "refunded_at" TIMESTAMP(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "payment_refund" (
    "id" TEXT NOT NULL,
    "payment_id" TEXT NOT NULL,
    "refund_ref" TEXT NOT NULL,
    "amount_vnd" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider_refund_id" TEXT,
    "failure_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "payment_refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_callback_log" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "provider_ref" TEXT,
    "outcome" TEXT NOT NULL,
    "error_code" TEXT,
    "reason" TEXT,
    "payload" JSONB NOT NULL,
    "remote_address" TEXT,

    CONSTRAINT "payment_callback_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_run" (
    "id" TEXT NOT NULL,
    "period_from" TIMESTAMP(3) NOT NULL,
    "period_to" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "mismatches" JSONB NOT NULL DEFAULT '[]',
    "triggered_by" TEXT NOT NULL,
    "error" TEXT,

    CONSTRAINT "reconciliation_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "payment_status_expires_at_idx" ON "payment"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_refund_refund_ref_key" ON "payment_refund"("refund_ref");

-- CreateIndex
CREATE INDEX "payment_refund_payment_id_idx" ON "payment_refund"("payment_id");

-- CreateIndex
CREATE INDEX "payment_callback_log_provider_ref_idx" ON "payment_callback_log"("provider_ref");

-- CreateIndex
CREATE INDEX "payment_callback_log_received_at_idx" ON "payment_callback_log"("received_at");

-- CreateIndex
CREATE INDEX "reconciliation_run_started_at_idx" ON "reconciliation_run"("started_at");

-- AddForeignKey
ALTER TABLE "payment_refund" ADD CONSTRAINT "payment_refund_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
