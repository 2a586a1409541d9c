ALTER TABLE "audit_log" ADD COLUMN "member_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_log_member_idx" ON "audit_log" USING btree ("member_id","at") WHERE member_id is not null;--> statement-breakpoint
CREATE INDEX "audit_log_listed_members_idx" ON "audit_log" USING gin ((details -> 'memberIds') jsonb_path_ops) WHERE details ? 'memberIds';