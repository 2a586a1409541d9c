CREATE TABLE "mood_period_cache" (
	"kind" text NOT NULL,
	"scope_key" text NOT NULL,
	"from_day" date NOT NULL,
	"to_day" date NOT NULL,
	"generation" integer NOT NULL,
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mood_period_cache_kind_scope_key_pk" PRIMARY KEY("kind","scope_key")
);
--> statement-breakpoint
CREATE TABLE "mood_rollup_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mood_period_cache_to_day_idx" ON "mood_period_cache" USING btree ("to_day","from_day");--> statement-breakpoint
INSERT INTO "mood_rollup_generation" ("id", "generation") VALUES (1, 0);