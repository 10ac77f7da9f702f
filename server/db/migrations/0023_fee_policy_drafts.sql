ALTER TABLE "fee_policy_versions" ADD COLUMN "status" varchar(16) DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD COLUMN "drafted_by" uuid;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD CONSTRAINT "fee_policy_versions_drafted_by_accounts_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD CONSTRAINT "fee_policy_versions_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD CONSTRAINT "fee_policy_versions_status" CHECK ("fee_policy_versions"."status" in ('draft', 'active'));--> statement-breakpoint
ALTER TABLE "fee_policy_versions" ADD CONSTRAINT "fee_policy_versions_four_eyes" CHECK ("fee_policy_versions"."approved_by" is null or "fee_policy_versions"."drafted_by" is null or "fee_policy_versions"."approved_by" <> "fee_policy_versions"."drafted_by");