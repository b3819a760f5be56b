-- CreateTable
CREATE TABLE "procedure" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "online_level" INTEGER NOT NULL,
    "full_online" BOOLEAN NOT NULL,
    "field_code" TEXT NOT NULL,
    "field_name" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "agency_name" TEXT NOT NULL,
    "implementation_level" TEXT NOT NULL,
    "subjects" TEXT[],
    "processing_days" INTEGER NOT NULL,
    "fee_vnd" INTEGER NOT NULL,
    "result_document" TEXT NOT NULL,
    "legal_basis" TEXT[],
    "e_form" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "dossier" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "procedure_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "applicant_personal_id" TEXT NOT NULL,
    "applicant_user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "form_data" JSONB NOT NULL,
    "fee_vnd" INTEGER NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "appointment_at" TIMESTAMP(3) NOT NULL,
    "idempotency_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_status_change" (
    "id" BIGSERIAL NOT NULL,
    "dossier_id" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt_sequence" (
    "agency_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "last_number" INTEGER NOT NULL,

    CONSTRAINT "receipt_sequence_pkey" PRIMARY KEY ("agency_code","day")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" TEXT NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "amount_vnd" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'VND',
    "status" TEXT NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "redirect_url" TEXT,
    "receipt_number" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "citizen_access_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "personal_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,

    CONSTRAINT "citizen_access_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "procedure_agency_code_idx" ON "procedure"("agency_code");

-- CreateIndex
CREATE INDEX "procedure_field_code_idx" ON "procedure"("field_code");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_code_key" ON "dossier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_idempotency_key_key" ON "dossier"("idempotency_key");

-- CreateIndex
CREATE INDEX "dossier_applicant_personal_id_idx" ON "dossier"("applicant_personal_id");

-- CreateIndex
CREATE INDEX "dossier_agency_code_status_idx" ON "dossier"("agency_code", "status");

-- CreateIndex
CREATE INDEX "dossier_status_change_dossier_id_idx" ON "dossier_status_change"("dossier_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_provider_ref_key" ON "payment"("provider_ref");

-- CreateIndex
CREATE UNIQUE INDEX "payment_receipt_number_key" ON "payment"("receipt_number");

-- CreateIndex
CREATE INDEX "payment_dossier_code_idx" ON "payment"("dossier_code");

-- CreateIndex
CREATE INDEX "citizen_access_log_personal_id_idx" ON "citizen_access_log"("personal_id");

-- AddForeignKey
ALTER TABLE "dossier_status_change" ADD CONSTRAINT "dossier_status_change_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A dossier's fee is charged once: at most one payment per dossier that is pending or paid.
-- (Prisma's schema language cannot express partial indexes, so this lives only here.)
CREATE UNIQUE INDEX "payment_one_live_per_dossier" ON "payment"("dossier_code") WHERE "status" IN ('PENDING', 'PAID');
