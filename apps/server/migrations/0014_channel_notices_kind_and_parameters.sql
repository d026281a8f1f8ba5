ALTER TABLE "channel_notices" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "channel_notices" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "channel_notices" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "channel_notices" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "channel_notices" ADD COLUMN "split_share" integer;--> statement-breakpoint
-- a notice was written when its registration was decided, and a registration is decided once: its decision,
-- rule, reason and split are the notice's
UPDATE "channel_notices" n SET
  "kind" = coalesce(r."decision", CASE WHEN r."status" = 'approved' THEN 'auto_approve' ELSE 'auto_reject' END),
  "company_name" = r."company_name",
  "rule" = r."rule",
  "reason" = CASE WHEN r."decision" IN ('approve', 'reject', 'split', 'transfer') THEN r."decision_reason" END,
  "split_share" = CASE WHEN r."decision" = 'split' THEN r."split_share" END
FROM "registrations" r WHERE r."id" = n."registration_id";
