CREATE TABLE "faq_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"undo_of" uuid,
	"undone_by" uuid,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faq_entry_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"change_id" uuid NOT NULL,
	"entry_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "faq_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"entry_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"base_version" integer,
	"unit_id" uuid NOT NULL,
	"proposer_user_id" uuid NOT NULL,
	"proposer" text NOT NULL,
	"note" text,
	"learning_item_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewer_user_id" uuid,
	"reviewer" text,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nlu_reviewed_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learning_item_id" uuid,
	"text" text NOT NULL,
	"route" text NOT NULL,
	"topic" text NOT NULL,
	"sentiment" text NOT NULL,
	"reviewer_user_id" uuid,
	"reviewer" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "faq_entries" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD COLUMN "overrides_id" text;--> statement-breakpoint
CREATE INDEX "faq_changes_at_idx" ON "faq_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "faq_entry_versions_entry_idx" ON "faq_entry_versions" USING btree ("entry_id","id");--> statement-breakpoint
CREATE INDEX "faq_entry_versions_change_idx" ON "faq_entry_versions" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "faq_proposals_status_idx" ON "faq_proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "nlu_reviewed_labels_item_uq" ON "nlu_reviewed_labels" USING btree ("learning_item_id");--> statement-breakpoint
CREATE INDEX "nlu_reviewed_labels_created_idx" ON "nlu_reviewed_labels" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "faq_entries_owner_idx" ON "faq_entries" USING btree ("owner_unit_id");