ALTER TABLE "account_category_spend" DROP CONSTRAINT "account_category_spend_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "account_category_spend" DROP CONSTRAINT "account_category_spend_category_id_product_categories_id_fk";
--> statement-breakpoint
ALTER TABLE "account_monthly" DROP CONSTRAINT "account_monthly_account_id_accounts_id_fk";
