-- Issue 8: adapter registry (lifecycle, versions, access rights), legacy one-stop sync, national
-- portal sync, postal webhooks.

-- CreateTable
CREATE TABLE "registered_adapter" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "owner_agency_code" TEXT,
    "status" TEXT NOT NULL,
    "active_version" INTEGER,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "row_version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "registered_adapter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "adapter_version" (
    "adapter_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "service_description" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "mapping_format" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "registered_by" TEXT NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_by" TEXT,
    "approved_at" TIMESTAMP(3),
    "activated_at" TIMESTAMP(3),
    CONSTRAINT "adapter_version_pkey" PRIMARY KEY ("adapter_name","version")
);

-- CreateTable
CREATE TABLE "adapter_access_grant" (
    "adapter_name" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "granted_by" TEXT NOT NULL,
    "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "adapter_access_grant_pkey" PRIMARY KEY ("adapter_name","client_id")
);

-- CreateTable
CREATE TABLE "adapter_lifecycle_event" (
    "id" BIGSERIAL NOT NULL,
    "adapter_name" TEXT NOT NULL,
    "version" INTEGER,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "adapter_lifecycle_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legacy_sync_cursor" (
    "system" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "legacy_sync_cursor_pkey" PRIMARY KEY ("system")
);

-- CreateTable
CREATE TABLE "legacy_status_push" (
    "event_id" BIGINT NOT NULL,
    "system" TEXT NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "legacy_status" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "legacy_status_push_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "portal_sync_delivery" (
    "event_id" BIGINT NOT NULL,
    "dossier_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMP(3),
    "portal_ref" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "portal_sync_delivery_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "postal_webhook_event" (
    "id" TEXT NOT NULL,
    "tracking_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "postal_webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "adapter_lifecycle_event_adapter_name_id_idx" ON "adapter_lifecycle_event"("adapter_name", "id");
CREATE INDEX "legacy_status_push_state_next_attempt_at_idx" ON "legacy_status_push"("state", "next_attempt_at");
CREATE INDEX "portal_sync_delivery_state_next_attempt_at_idx" ON "portal_sync_delivery"("state", "next_attempt_at");
CREATE INDEX "portal_sync_delivery_dossier_code_idx" ON "portal_sync_delivery"("dossier_code");
CREATE INDEX "postal_webhook_event_tracking_code_idx" ON "postal_webhook_event"("tracking_code");

-- AddForeignKey
ALTER TABLE "adapter_version" ADD CONSTRAINT "adapter_version_adapter_name_fkey" FOREIGN KEY ("adapter_name") REFERENCES "registered_adapter"("name") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adapter_access_grant" ADD CONSTRAINT "adapter_access_grant_adapter_name_fkey" FOREIGN KEY ("adapter_name") REFERENCES "registered_adapter"("name") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "adapter_lifecycle_event" ADD CONSTRAINT "adapter_lifecycle_event_adapter_name_fkey" FOREIGN KEY ("adapter_name") REFERENCES "registered_adapter"("name") ON DELETE RESTRICT ON UPDATE CASCADE;
