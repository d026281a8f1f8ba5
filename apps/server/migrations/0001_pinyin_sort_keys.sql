ALTER TABLE "accounts" ADD COLUMN "name_sort" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "name_sort" text;--> statement-breakpoint
CREATE INDEX "accounts_name_sort_idx" ON "accounts" USING btree ("name_sort","id");