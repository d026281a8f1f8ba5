ALTER TABLE "import_templates" RENAME COLUMN "created_by" TO "owner_id";--> statement-breakpoint
ALTER TABLE "import_templates" DROP CONSTRAINT "import_templates_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "import_templates" ADD CONSTRAINT "import_templates_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "import_templates" SET "owner_id" = (SELECT "id" FROM "users" WHERE "role" = 'admin' ORDER BY "created_at", "id" LIMIT 1) WHERE "owner_id" IS NULL;--> statement-breakpoint
ALTER TABLE "import_templates" ALTER COLUMN "owner_id" SET NOT NULL;
