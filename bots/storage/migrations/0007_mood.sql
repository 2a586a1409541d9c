CREATE TABLE "mood_alert_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "mood_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"observed" integer NOT NULL,
	"baseline" real NOT NULL,
	"score" real NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mood_alerts_window_uq" UNIQUE("unit_id","topic","window_end")
);
--> statement-breakpoint
CREATE TABLE "mood_excluded_daily" (
	"day" date NOT NULL,
	"unit_id" uuid,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mood_excluded_daily_uq" UNIQUE NULLS NOT DISTINCT("day","unit_id","channel","reason")
);
--> statement-breakpoint
CREATE TABLE "mood_member_day" (
	"day" date NOT NULL,
	"unit_id" uuid,
	"topic" text NOT NULL,
	"sentiment" text NOT NULL,
	"channel" text NOT NULL,
	"member_id" uuid NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"weight" real DEFAULT 0 NOT NULL,
	CONSTRAINT "mood_member_day_uq" UNIQUE NULLS NOT DISTINCT("day","unit_id","topic","sentiment","channel","member_id")
);
--> statement-breakpoint
CREATE TABLE "mood_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"document" jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mood_reports_unit_month_uq" UNIQUE("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "mood_daily" DROP CONSTRAINT "mood_daily_uq";--> statement-breakpoint
ALTER TABLE "mood_daily" ADD COLUMN "channel" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mood_daily" ADD COLUMN "members" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mood_daily" ADD COLUMN "weight" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mood_alert_events" ADD CONSTRAINT "mood_alert_events_alert_id_mood_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."mood_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mood_alert_events_alert_idx" ON "mood_alert_events" USING btree ("alert_id","at");--> statement-breakpoint
CREATE INDEX "mood_alerts_status_idx" ON "mood_alerts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "mood_member_day_unit_day_idx" ON "mood_member_day" USING btree ("unit_id","day");--> statement-breakpoint
CREATE INDEX "mood_member_day_member_idx" ON "mood_member_day" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mood_daily_unit_day_idx" ON "mood_daily" USING btree ("unit_id","day");--> statement-breakpoint
ALTER TABLE "mood_daily" ADD CONSTRAINT "mood_daily_cell_uq" UNIQUE NULLS NOT DISTINCT("day","unit_id","topic","sentiment","channel");