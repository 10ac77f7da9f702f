CREATE TABLE "fee_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"industry_code" varchar(5) NOT NULL,
	"employees" integer,
	"revenue_fen" bigint,
	"assets_fen" bigint,
	"has_union" boolean NOT NULL,
	"union_established_on" date,
	"union_bank_code" varchar(12),
	"union_account_no" text,
	"union_account_name" varchar(128),
	"paying_bank_code" varchar(12),
	"paying_account_no" text,
	"paying_account_name" varchar(128),
	"size_class" varchar(8),
	"size_category" varchar(32),
	"size_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"size_standard" varchar(32) NOT NULL,
	"employer_registered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_enterprises_employer_id_unique" UNIQUE("employer_id"),
	CONSTRAINT "fee_enterprises_employees" CHECK ("fee_enterprises"."employees" >= 0),
	CONSTRAINT "fee_enterprises_money" CHECK ("fee_enterprises"."revenue_fen" >= 0 and "fee_enterprises"."assets_fen" >= 0),
	CONSTRAINT "fee_enterprises_union_date" CHECK ("fee_enterprises"."has_union" or "fee_enterprises"."union_established_on" is null),
	CONSTRAINT "fee_enterprises_union_account" CHECK (("fee_enterprises"."union_account_no" is null and "fee_enterprises"."union_bank_code" is null and "fee_enterprises"."union_account_name" is null)
        or ("fee_enterprises"."has_union" and "fee_enterprises"."union_account_no" ~ '^[0-9]{10,30}$' and "fee_enterprises"."union_bank_code" ~ '^[0-9]{12}$'
          and "fee_enterprises"."union_account_name" is not null)),
	CONSTRAINT "fee_enterprises_paying_account" CHECK (("fee_enterprises"."paying_account_no" is null and "fee_enterprises"."paying_bank_code" is null and "fee_enterprises"."paying_account_name" is null)
        or ("fee_enterprises"."paying_account_no" ~ '^[0-9]{10,30}$' and "fee_enterprises"."paying_bank_code" ~ '^[0-9]{12}$'
          and "fee_enterprises"."paying_account_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "fee_policy_versions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"policy" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_policy_versions_dates" CHECK ("fee_policy_versions"."effective_to" is null or "fee_policy_versions"."effective_to" >= "fee_policy_versions"."effective_from")
);
--> statement-breakpoint
ALTER TABLE "fee_enterprises" ADD CONSTRAINT "fee_enterprises_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_enterprises" ADD CONSTRAINT "fee_enterprises_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_enterprises_region" ON "fee_enterprises" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "fee_enterprises_size" ON "fee_enterprises" USING btree ("size_class","region_code");--> statement-breakpoint
CREATE INDEX "fee_policy_versions_region" ON "fee_policy_versions" USING btree ("region_code","effective_from");