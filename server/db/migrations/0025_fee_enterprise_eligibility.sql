ALTER TABLE "fee_enterprises" ADD COLUMN "declared_size_class" varchar(8);--> statement-breakpoint
ALTER TABLE "fee_enterprises" ADD COLUMN "exclusion_flags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "fee_enterprises" ADD COLUMN "eligibility_reason" varchar(200);--> statement-breakpoint
ALTER TABLE "fee_enterprises" ADD CONSTRAINT "fee_enterprises_eligibility" CHECK (("fee_enterprises"."declared_size_class" is null or "fee_enterprises"."declared_size_class" in ('large', 'medium', 'small', 'micro'))
        and "fee_enterprises"."exclusion_flags" <@ array['state_owned', 'branch_of_large_enterprise', 'not_an_enterprise']::text[]
        and (("fee_enterprises"."declared_size_class" is null and cardinality("fee_enterprises"."exclusion_flags") = 0) or "fee_enterprises"."eligibility_reason" is not null));