CREATE TABLE "competitor_share_observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"est_annual_volume" bigint,
	"our_share" numeric(5, 4),
	"present" boolean DEFAULT true NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competitor_share_observations" ADD CONSTRAINT "competitor_share_observations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_share_observations" ADD CONSTRAINT "competitor_share_observations_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_share_observations" ADD CONSTRAINT "competitor_share_observations_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_share_observations" ADD CONSTRAINT "competitor_share_observations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competitor_share_observations_key_idx" ON "competitor_share_observations" USING btree ("account_id","competitor_id","category_id","observed_on");--> statement-breakpoint
INSERT INTO "competitor_share_observations"
       ("account_id", "competitor_id", "category_id", "observed_on", "est_annual_volume", "our_share", "present", "recorded_by", "recorded_at")
SELECT "account_id", "competitor_id", "category_id", ("updated_at" AT TIME ZONE 'Asia/Shanghai')::date, "est_annual_volume",
       "our_share", "archived_at" IS NULL, "updated_by", "updated_at"
  FROM "competitor_presence";
