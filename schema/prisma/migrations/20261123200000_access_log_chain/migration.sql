-- Issue 4: the citizen access log becomes append-only and hash-chained.

-- AlterTable
ALTER TABLE "citizen_access_log" ADD COLUMN "dossier_code" TEXT,
ADD COLUMN "prev_hash" TEXT,
ADD COLUMN "hash" TEXT;

-- Append-only: history of who read a citizen's national data must not be rewritten or erased.
CREATE OR REPLACE FUNCTION "citizen_access_log_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'citizen_access_log is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "citizen_access_log_no_update_delete"
  BEFORE UPDATE OR DELETE ON "citizen_access_log"
  FOR EACH ROW EXECUTE FUNCTION "citizen_access_log_append_only"();
