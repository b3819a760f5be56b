-- Issue 5: dossiers sent by post arrive through the postal carrier.

-- CreateTable
CREATE TABLE "postal_intake" (
    "id" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "applicant_personal_id" TEXT NOT NULL,
    "applicant_user_id" TEXT NOT NULL,
    "submission" JSONB NOT NULL,
    "pickup_address" TEXT NOT NULL,
    "carrier_order_id" TEXT,
    "tracking_code" TEXT,
    "status" TEXT NOT NULL,
    "dossier_code" TEXT,
    "idempotency_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "postal_intake_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "postal_intake_tracking_code_key" ON "postal_intake"("tracking_code");

-- CreateIndex
CREATE UNIQUE INDEX "postal_intake_dossier_code_key" ON "postal_intake"("dossier_code");

-- CreateIndex
CREATE UNIQUE INDEX "postal_intake_idempotency_key_key" ON "postal_intake"("idempotency_key");

-- CreateIndex
CREATE INDEX "postal_intake_status_idx" ON "postal_intake"("status");

-- CreateIndex
CREATE INDEX "postal_intake_applicant_personal_id_idx" ON "postal_intake"("applicant_personal_id");
