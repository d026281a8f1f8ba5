ALTER TABLE "calendar_tokens" ADD COLUMN "window_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_tokens" ADD COLUMN "window_hits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "template_key" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "template_params" jsonb;