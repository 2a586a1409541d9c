CREATE TABLE "channel_deliveries" (
	"outbound_message_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"text_hash" text NOT NULL,
	"status" text NOT NULL,
	"platform_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "channel_deliveries_outbound_message_id_part_pk" PRIMARY KEY("outbound_message_id","part")
);
--> statement-breakpoint
CREATE TABLE "channel_link_attempts" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_link_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"request_message_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_member_id" uuid
);
--> statement-breakpoint
CREATE TABLE "channel_member_merges" (
	"from_member_id" uuid PRIMARY KEY NOT NULL,
	"into_member_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"merged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_member_prompts" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"unit_code_asked_at" timestamp with time zone NOT NULL,
	"request_message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "channel_oauth_tokens" (
	"channel" text NOT NULL,
	"account_id" text NOT NULL,
	"access_token" text,
	"access_expires_at" timestamp with time zone,
	"refresh_token" text NOT NULL,
	"seed_hash" text NOT NULL,
	"needs_reauthorization" boolean DEFAULT false NOT NULL,
	"last_error" text,
	"refreshed_at" timestamp with time zone,
	"refresh_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_oauth_tokens_channel_account_id_pk" PRIMARY KEY("channel","account_id")
);
--> statement-breakpoint
CREATE TABLE "channel_thread_refs" (
	"channel" text NOT NULL,
	"thread_key" text NOT NULL,
	"ref" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_thread_refs_channel_thread_key_pk" PRIMARY KEY("channel","thread_key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "channel_deliveries_platform_uq" ON "channel_deliveries" USING btree ("channel","platform_message_id") WHERE platform_message_id is not null;--> statement-breakpoint
CREATE INDEX "channel_deliveries_recipient_idx" ON "channel_deliveries" USING btree ("channel","recipient","text_hash");--> statement-breakpoint
CREATE INDEX "channel_link_codes_member_idx" ON "channel_link_codes" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "channel_member_merges_into_idx" ON "channel_member_merges" USING btree ("into_member_id");