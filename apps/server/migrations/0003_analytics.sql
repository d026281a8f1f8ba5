CREATE TABLE "account_category_spend" (
	"account_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"revenue" bigint NOT NULL,
	"margin" bigint NOT NULL,
	"lines" integer NOT NULL,
	"last_order" date NOT NULL,
	CONSTRAINT "account_category_spend_account_id_category_id_pk" PRIMARY KEY("account_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "account_monthly" (
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"revenue" bigint NOT NULL,
	"cost" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"orders" integer NOT NULL,
	"discounted_orders" integer NOT NULL,
	"first_order" date NOT NULL,
	"last_order" date NOT NULL,
	CONSTRAINT "account_monthly_account_id_month_pk" PRIMARY KEY("account_id","month")
);
--> statement-breakpoint
CREATE TABLE "analysis_configs" (
	"version" integer PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_recommendations" (
	"run_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"because_category_id" uuid NOT NULL,
	"support" double precision NOT NULL,
	"confidence" double precision NOT NULL,
	"lift" double precision NOT NULL,
	"peers" integer NOT NULL,
	CONSTRAINT "analysis_recommendations_run_id_account_id_category_id_pk" PRIMARY KEY("run_id","account_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_results" (
	"run_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"computed_tier" text NOT NULL,
	"tier" text NOT NULL,
	"abc" text NOT NULL,
	"revenue" bigint NOT NULL,
	"margin" bigint NOT NULL,
	"r" smallint NOT NULL,
	"f" smallint NOT NULL,
	"m" smallint NOT NULL,
	"segment" text NOT NULL,
	"churn_risk" smallint NOT NULL,
	"clv" bigint,
	"quadrant" text NOT NULL,
	"details" jsonb NOT NULL,
	CONSTRAINT "analysis_results_run_id_account_id_pk" PRIMARY KEY("run_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"as_of" date NOT NULL,
	"config_version" integer NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"previous_run_id" uuid,
	"summary" jsonb,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tier_overrides" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_category_spend" ADD CONSTRAINT "account_category_spend_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_category_spend" ADD CONSTRAINT "account_category_spend_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_monthly" ADD CONSTRAINT "account_monthly_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_configs" ADD CONSTRAINT "analysis_configs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_run_id_analysis_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analysis_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_category_id_product_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_because_category_id_product_categories_id_fk" FOREIGN KEY ("because_category_id") REFERENCES "public"."product_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_run_id_analysis_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analysis_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_config_version_analysis_configs_version_fk" FOREIGN KEY ("config_version") REFERENCES "public"."analysis_configs"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_results_account_idx" ON "analysis_results" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "analysis_results_run_score_idx" ON "analysis_results" USING btree ("run_id","score");--> statement-breakpoint
CREATE INDEX "analysis_runs_started_idx" ON "analysis_runs" USING btree ("started_at");--> statement-breakpoint
UPDATE "orders" SET "discount" = l."discount"
  FROM (SELECT "order_id", sum("discount") AS "discount" FROM "order_lines" GROUP BY "order_id") l
 WHERE l."order_id" = "orders"."id" AND l."discount" <> 0;
