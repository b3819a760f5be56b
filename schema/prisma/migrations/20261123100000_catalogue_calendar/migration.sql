-- Issue 3: versioned procedures with the 12 level-2 criteria, shared catalogues, workflow and
-- e-form definitions, and the working-day calendar.

-- AlterTable
ALTER TABLE "procedure" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "effective_from" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "cutoff_hour" INTEGER,
ADD COLUMN "details" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "dossier" ADD COLUMN "procedure_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "agency" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "province_code" TEXT,
    "commune_code" TEXT,
    "parent_code" TEXT,
    "address" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "reception_hours" TEXT,
    "cutoff_hour" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "administrative_unit" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "unit_type" TEXT NOT NULL,
    "province_code" TEXT,

    CONSTRAINT "administrative_unit_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "procedure_field" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "procedure_field_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "procedure_version" (
    "procedure_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "record" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "procedure_version_pkey" PRIMARY KEY ("procedure_code","version")
);

-- CreateTable
CREATE TABLE "workflow_definition" (
    "procedure_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "workflow_definition_pkey" PRIMARY KEY ("procedure_code","version")
);

-- CreateTable
CREATE TABLE "eform_definition" (
    "procedure_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "eform_definition_pkey" PRIMARY KEY ("procedure_code","version")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "agency_province_code_idx" ON "agency"("province_code");

-- CreateIndex
CREATE INDEX "administrative_unit_province_code_idx" ON "administrative_unit"("province_code");

-- CreateIndex
CREATE INDEX "procedure_version_procedure_code_effective_from_idx" ON "procedure_version"("procedure_code", "effective_from");
