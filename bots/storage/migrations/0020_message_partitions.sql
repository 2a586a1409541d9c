-- Issue #12 item 6, docs/decisions.md D-scale-6: `messages` partitioned by month on PostgreSQL.
-- A partitioned table's unique indexes must contain the partition key, so (1) the inbound dedupe moves to its own
-- table, (2) the key becomes (id, created_at) on both backends (one schema, one code path), (3) the foreign key from
-- the learning queue goes (erase and retention delete those rows with their message). Only PostgreSQL is converted
-- (migratePostgres sets congdoan.partition_messages): the embedded PGlite keeps one plain table, where partition
-- planning would only cost CPU on its single core.
DROP INDEX "messages_inbound_platform_uq";--> statement-breakpoint
ALTER TABLE "unanswered_questions" DROP CONSTRAINT "unanswered_questions_message_id_messages_id_fk";--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_pkey";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_pkey" PRIMARY KEY("id","created_at");--> statement-breakpoint
-- Creates the monthly partitions (Vietnam calendar months, so the retention purge's cut on Vietnam days never
-- splits one) that cover [from_ts, to_ts]; returns how many it created. A no-op where `messages` is not
-- partitioned (PGlite). A month whose rows already sit in the default partition is left there (moving them would
-- cascade to their dedupe rows); those rows stay correct, only unpruned.
CREATE FUNCTION "messages_ensure_partitions"(from_ts timestamptz, to_ts timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamp;
  month_end timestamp;
  lower_bound timestamptz;
  upper_bound timestamptz;
  part text;
  made integer := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass('messages') AND relkind = 'p') THEN
    RETURN 0;
  END IF;
  -- Several processes start together: one creates, the others find the partitions there.
  PERFORM pg_advisory_xact_lock(71142020);
  month_start := date_trunc('month', from_ts AT TIME ZONE 'Asia/Ho_Chi_Minh');
  WHILE month_start <= to_ts AT TIME ZONE 'Asia/Ho_Chi_Minh' LOOP
    month_end := month_start + interval '1 month';
    lower_bound := month_start AT TIME ZONE 'Asia/Ho_Chi_Minh';
    upper_bound := month_end AT TIME ZONE 'Asia/Ho_Chi_Minh';
    part := 'messages_' || to_char(month_start, 'YYYY_MM');
    IF to_regclass(part) IS NULL
       AND NOT EXISTS (SELECT 1 FROM messages_default WHERE created_at >= lower_bound AND created_at < upper_bound) THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF messages FOR VALUES FROM (%L) TO (%L)', part, lower_bound, upper_bound);
      made := made + 1;
    END IF;
    month_start := month_end;
  END LOOP;
  RETURN made;
END $$;--> statement-breakpoint
DO $$
DECLARE
  oldest timestamptz;
  seq_name text := pg_get_serial_sequence('messages', 'seq');
BEGIN
  IF coalesce(current_setting('congdoan.partition_messages', true), '') <> 'on' THEN
    RETURN;
  END IF;
  -- The sequence behind `seq` must outlive the old table.
  EXECUTE format('ALTER SEQUENCE %s OWNED BY NONE', seq_name);
  ALTER TABLE "messages" RENAME TO "messages_unpartitioned";
  ALTER INDEX "messages_pkey" RENAME TO "messages_unpartitioned_pkey";
  ALTER INDEX "messages_conversation_idx" RENAME TO "messages_unpartitioned_conversation_idx";
  ALTER INDEX "messages_conversation_seq_idx" RENAME TO "messages_unpartitioned_conversation_seq_idx";
  ALTER INDEX "messages_status_idx" RENAME TO "messages_unpartitioned_status_idx";
  CREATE TABLE "messages" (LIKE "messages_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("created_at");
  ALTER TABLE "messages" ADD CONSTRAINT "messages_pkey" PRIMARY KEY ("id", "created_at");
  ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id");
  CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","direction","status","conv_seq");
  CREATE INDEX "messages_conversation_seq_idx" ON "messages" USING btree ("conversation_id","seq");
  CREATE INDEX "messages_status_idx" ON "messages" USING btree ("direction","status","created_at");
  CREATE TABLE "messages_default" PARTITION OF "messages" DEFAULT;
  SELECT min("created_at") INTO oldest FROM "messages_unpartitioned";
  PERFORM messages_ensure_partitions(coalesce(oldest, now()), now() + interval '3 months');
  INSERT INTO "messages" SELECT * FROM "messages_unpartitioned";
  DROP TABLE "messages_unpartitioned";
  EXECUTE format('ALTER SEQUENCE %s OWNED BY messages.seq', seq_name);
END $$;--> statement-breakpoint
CREATE TABLE "inbound_dedupe" (
	"channel" text NOT NULL,
	"platform_message_id" text NOT NULL,
	"message_id" uuid NOT NULL,
	"message_created_at" timestamp with time zone NOT NULL,
	"conversation_id" uuid NOT NULL,
	CONSTRAINT "inbound_dedupe_pkey" PRIMARY KEY("channel","platform_message_id")
);--> statement-breakpoint
INSERT INTO "inbound_dedupe" ("channel", "platform_message_id", "message_id", "message_created_at", "conversation_id")
  SELECT "channel", "platform_message_id", "id", "created_at", "conversation_id" FROM "messages"
  WHERE "direction" = 'in' AND "platform_message_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_dedupe" ADD CONSTRAINT "inbound_dedupe_message_fk" FOREIGN KEY ("message_id","message_created_at") REFERENCES "public"."messages"("id","created_at") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_dedupe_message_idx" ON "inbound_dedupe" USING btree ("message_id");
