-- Issue 5: dossier lifecycle (workflow steps, outbox, attachments, results, feedback, ratings, notifications).

-- AlterTable
ALTER TABLE "dossier" ADD COLUMN "legacy_system" TEXT,
ADD COLUMN "handling_agency_code" TEXT,
ADD COLUMN "subject_tax_code" TEXT,
ADD COLUMN "case_code" TEXT,
ADD COLUMN "workflow_version" INTEGER,
ADD COLUMN "current_step" TEXT,
ADD COLUMN "paused_at" TIMESTAMP(3),
ADD COLUMN "completed_at" TIMESTAMP(3),
ADD COLUMN "return_method" TEXT NOT NULL DEFAULT 'COUNTER',
ADD COLUMN "postal_address" TEXT,
ADD COLUMN "due_soon_notified_at" TIMESTAMP(3),
ADD COLUMN "overdue_notified_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "dossier_status_change" ADD COLUMN "step_key" TEXT;

-- CreateTable
CREATE TABLE "dossier_step" (
    "id" BIGSERIAL NOT NULL,
    "dossier_id" TEXT NOT NULL,
    "step_key" TEXT NOT NULL,
    "step_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "completed_at" TIMESTAMP(3),
    "completed_by" TEXT,
    "outcome" TEXT,
    "note" TEXT,

    CONSTRAINT "dossier_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_until" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_attachment" (
    "id" TEXT NOT NULL,
    "dossier_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "component_name" TEXT,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_result" (
    "dossier_id" TEXT NOT NULL,
    "document_number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "issued_by" TEXT NOT NULL,
    "issued_by_name" TEXT,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "postal_order_id" TEXT,
    "postal_tracking" TEXT,

    CONSTRAINT "dossier_result_pkey" PRIMARY KEY ("dossier_id")
);

-- CreateTable
CREATE TABLE "dossier_feedback" (
    "id" TEXT NOT NULL,
    "dossier_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answered_by" TEXT,
    "answered_at" TIMESTAMP(3),

    CONSTRAINT "dossier_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_rating" (
    "dossier_id" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "rated_by" TEXT NOT NULL,
    "rated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_rating_pkey" PRIMARY KEY ("dossier_id"),
    -- Mức độ hài lòng: 1 (rất không hài lòng) to 5 (rất hài lòng).
    CONSTRAINT "dossier_rating_score_check" CHECK ("score" BETWEEN 1 AND 5)
);

-- CreateTable
CREATE TABLE "dossier_notification" (
    "id" TEXT NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "provider_ref" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dossier_handling_agency_code_status_idx" ON "dossier"("handling_agency_code", "status");

-- CreateIndex
CREATE INDEX "dossier_status_appointment_at_idx" ON "dossier"("status", "appointment_at");

-- CreateIndex
CREATE INDEX "dossier_received_at_idx" ON "dossier"("received_at");

-- CreateIndex
CREATE INDEX "dossier_step_dossier_id_idx" ON "dossier_step"("dossier_id");

-- CreateIndex
CREATE INDEX "dossier_step_agency_code_completed_at_idx" ON "dossier_step"("agency_code", "completed_at");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_id_idx" ON "outbox_event"("published_at", "id");

-- CreateIndex
CREATE INDEX "outbox_event_topic_id_idx" ON "outbox_event"("topic", "id");

-- CreateIndex
CREATE INDEX "dossier_attachment_dossier_id_idx" ON "dossier_attachment"("dossier_id");

-- CreateIndex
CREATE INDEX "dossier_feedback_dossier_id_idx" ON "dossier_feedback"("dossier_id");

-- CreateIndex
CREATE INDEX "dossier_feedback_status_created_at_idx" ON "dossier_feedback"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "dossier_notification_event_id_channel_key" ON "dossier_notification"("event_id", "channel");

-- CreateIndex
CREATE INDEX "dossier_notification_dossier_code_idx" ON "dossier_notification"("dossier_code");

-- AddForeignKey
ALTER TABLE "dossier_step" ADD CONSTRAINT "dossier_step_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_attachment" ADD CONSTRAINT "dossier_attachment_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_result" ADD CONSTRAINT "dossier_result_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_feedback" ADD CONSTRAINT "dossier_feedback_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_rating" ADD CONSTRAINT "dossier_rating_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
