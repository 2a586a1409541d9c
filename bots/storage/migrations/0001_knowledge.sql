CREATE TABLE "law_articles" (
	"id" text PRIMARY KEY NOT NULL,
	"law_id" text NOT NULL,
	"law_name" text NOT NULL,
	"law_type" text NOT NULL,
	"article_no" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"chapter" text,
	"section" text,
	"effective_date" date,
	"status" text NOT NULL,
	"content_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_documents" (
	"law_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"issuer" text,
	"effective_date" date,
	"expired_date" date,
	"status" text NOT NULL,
	"version_note" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "law_articles" ADD CONSTRAINT "law_articles_law_id_law_documents_law_id_fk" FOREIGN KEY ("law_id") REFERENCES "public"."law_documents"("law_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "law_articles_law_article_uq" ON "law_articles" USING btree ("law_id","article_no");--> statement-breakpoint
CREATE INDEX "law_articles_law_idx" ON "law_articles" USING btree ("law_id");