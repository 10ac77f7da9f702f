CREATE TABLE "fee_pooled_accounts" (
	"region_code" varchar(6) PRIMARY KEY NOT NULL,
	"bank_code" varchar(12) NOT NULL,
	"account_no" text NOT NULL,
	"account_name" varchar(128) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_pooled_accounts_format" CHECK ("fee_pooled_accounts"."account_no" ~ '^[0-9]{10,30}$' and "fee_pooled_accounts"."bank_code" ~ '^[0-9]{12}$'),
	CONSTRAINT "fee_pooled_accounts_county" CHECK ("fee_pooled_accounts"."region_code" ~ '^[0-9]{4}(0[1-9]|[1-9][0-9])$')
);
--> statement-breakpoint
ALTER TABLE "fee_pooled_accounts" ADD CONSTRAINT "fee_pooled_accounts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;