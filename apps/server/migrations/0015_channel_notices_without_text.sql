ALTER TABLE "channel_notices" ALTER COLUMN "kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_notices" ALTER COLUMN "company_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_notices" ALTER COLUMN "rule" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_notices" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "channel_notices" DROP COLUMN "body";