CREATE TABLE "handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid,
	"unit_id" uuid,
	"urgent" boolean DEFAULT false NOT NULL,
	"handed_off_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL,
	"ended_at" timestamp with time zone,
	"resolution" text
);
--> statement-breakpoint
CREATE INDEX "handoffs_unit_time_idx" ON "handoffs" USING btree ("unit_id","handed_off_at");--> statement-breakpoint
CREATE UNIQUE INDEX "handoffs_open_uq" ON "handoffs" USING btree ("conversation_id") WHERE ended_at is null;--> statement-breakpoint
-- The hand-off history is written by triggers so that every path that changes a conversation (the bot's turn, the
-- inbox, the SLA sweep, the demo generator) records it in the same statement; see docs/decisions.md D-mood-11.
CREATE FUNCTION "handoffs_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- An erased member: the statistics stay, the link to the conversation goes.
    UPDATE "handoffs" SET "ended_at" = coalesce("ended_at", now()), "conversation_id" = NULL WHERE "conversation_id" = OLD."id";
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."state" IN ('waiting_officer', 'officer') AND NEW."state" NOT IN ('waiting_officer', 'officer') THEN
    UPDATE "handoffs" SET "ended_at" = coalesce(NEW."closed_at", NEW."updated_at", now()), "resolution" = NEW."resolution"
      WHERE "conversation_id" = NEW."id" AND "ended_at" IS NULL;
    RETURN NULL;
  END IF;
  IF NEW."state" = 'waiting_officer' AND (TG_OP = 'INSERT' OR OLD."state" NOT IN ('waiting_officer', 'officer'))
     OR TG_OP = 'INSERT' AND NEW."state" = 'officer' AND NEW."handed_off_at" IS NOT NULL THEN
    INSERT INTO "handoffs" ("conversation_id", "unit_id", "urgent", "handed_off_at", "claimed_at", "overdue")
      VALUES (NEW."id", coalesce(NEW."unit_id", NEW."queue_unit_id"), NEW."urgent", coalesce(NEW."handed_off_at", NEW."updated_at", now()),
              CASE WHEN NEW."state" = 'officer' THEN NEW."claimed_at" END, NEW."overdue")
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  END IF;
  IF NEW."state" = 'officer' AND NEW."claimed_at" IS NOT NULL THEN
    UPDATE "handoffs" SET "claimed_at" = coalesce("claimed_at", NEW."claimed_at") WHERE "conversation_id" = NEW."id" AND "ended_at" IS NULL;
  END IF;
  IF NEW."overdue" OR NEW."urgent" THEN
    UPDATE "handoffs" SET "overdue" = "overdue" OR NEW."overdue", "urgent" = "urgent" OR NEW."urgent" WHERE "conversation_id" = NEW."id" AND "ended_at" IS NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "handoffs_on_insert" AFTER INSERT ON "conversations" FOR EACH ROW
  WHEN (NEW."state" IN ('waiting_officer', 'officer')) EXECUTE FUNCTION "handoffs_track"();
--> statement-breakpoint
-- Only the columns a hand-off depends on: the bot's many other updates of a conversation never call the function.
CREATE TRIGGER "handoffs_on_update" AFTER UPDATE ON "conversations" FOR EACH ROW
  WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."claimed_at" IS DISTINCT FROM NEW."claimed_at"
        OR OLD."overdue" IS DISTINCT FROM NEW."overdue" OR OLD."urgent" IS DISTINCT FROM NEW."urgent")
  EXECUTE FUNCTION "handoffs_track"();
--> statement-breakpoint
CREATE TRIGGER "handoffs_on_delete" AFTER DELETE ON "conversations" FOR EACH ROW EXECUTE FUNCTION "handoffs_track"();
--> statement-breakpoint
-- Hand-offs open when this migration runs start their history now (the closed ones before it were not kept).
INSERT INTO "handoffs" ("conversation_id", "unit_id", "urgent", "handed_off_at", "claimed_at", "overdue")
  SELECT "id", coalesce("unit_id", "queue_unit_id"), "urgent", "handed_off_at", "claimed_at", "overdue" FROM "conversations"
  WHERE "state" IN ('waiting_officer', 'officer') AND "handed_off_at" IS NOT NULL;
