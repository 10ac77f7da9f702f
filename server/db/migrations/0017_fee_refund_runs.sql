CREATE TABLE "fee_bank_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"format" varchar(16) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"region_code" varchar(6),
	"counts" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_paying_accounts" (
	"region_code" varchar(6) PRIMARY KEY NOT NULL,
	"bank_code" varchar(12) NOT NULL,
	"account_no" text NOT NULL,
	"account_name" varchar(128) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_paying_accounts_format" CHECK ("fee_paying_accounts"."account_no" ~ '^[0-9]{10,30}$' and "fee_paying_accounts"."bank_code" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "fee_refund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collection_id" uuid NOT NULL,
	"policy_id" varchar(64) NOT NULL,
	"run_id" uuid NOT NULL,
	"line_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"eligibility_group" varchar(16) NOT NULL,
	"collected_fen" bigint NOT NULL,
	"returned_fen" bigint NOT NULL,
	"held_fen" bigint NOT NULL,
	"retained_by_level" jsonb NOT NULL,
	"retained_fen" bigint NOT NULL,
	"notes" jsonb NOT NULL,
	CONSTRAINT "fee_refund_allocations_once" UNIQUE("collection_id","policy_id"),
	CONSTRAINT "fee_refund_allocations_balance" CHECK ("fee_refund_allocations"."collected_fen" = "fee_refund_allocations"."returned_fen" + "fee_refund_allocations"."held_fen" + "fee_refund_allocations"."retained_fen" and "fee_refund_allocations"."returned_fen" >= 0
        and "fee_refund_allocations"."held_fen" >= 0 and "fee_refund_allocations"."retained_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_refund_approvals" (
	"batch_id" uuid PRIMARY KEY NOT NULL,
	"submitted_by" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_refund_approvals_four_eyes" CHECK ("fee_refund_approvals"."approved_by" <> "fee_refund_approvals"."submitted_by")
);
--> statement-breakpoint
CREATE TABLE "fee_refund_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_no" varchar(35) NOT NULL,
	"run_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"paying_region_code" varchar(6) NOT NULL,
	"debtor_bank_code" varchar(12) NOT NULL,
	"debtor_account_no" text NOT NULL,
	"debtor_account_name" varchar(128) NOT NULL,
	"status" varchar(16) NOT NULL,
	"lines" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"file_first_sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_refund_batches_batch_no_unique" UNIQUE("batch_no"),
	CONSTRAINT "fee_refund_batches_four_eyes" CHECK ("fee_refund_batches"."approved_by" is null or "fee_refund_batches"."approved_by" <> "fee_refund_batches"."submitted_by"),
	CONSTRAINT "fee_refund_batches_total" CHECK ("fee_refund_batches"."total_fen" >= 0 and "fee_refund_batches"."lines" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_refund_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" varchar(128) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"month" varchar(7) NOT NULL,
	"destination" varchar(32) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"creditor_bank_code" varchar(12),
	"creditor_account_no" text,
	"creditor_account_name" varchar(128),
	"paying_region_code" varchar(6),
	"state" varchar(16) NOT NULL,
	"due_on" date NOT NULL,
	"paid_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_refund_lines_amount" CHECK ("fee_refund_lines"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fee_refund_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"end_to_end_id" varchar(35) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"creditor_bank_code" varchar(12) NOT NULL,
	"creditor_account_no" text NOT NULL,
	"creditor_account_name" varchar(128) NOT NULL,
	"status" varchar(16) NOT NULL,
	"reason_code" varchar(35),
	"reason_text" text,
	"settled_at" timestamp with time zone,
	"result_id" uuid,
	CONSTRAINT "fee_refund_payments_end_to_end_id_unique" UNIQUE("end_to_end_id"),
	CONSTRAINT "fee_refund_payments_amount" CHECK ("fee_refund_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fee_refund_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"month" varchar(7) NOT NULL,
	"collections" integer NOT NULL,
	"skipped" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_refund_runs_month" CHECK ("fee_refund_runs"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "fee_bank_results" ADD CONSTRAINT "fee_bank_results_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_paying_accounts" ADD CONSTRAINT "fee_paying_accounts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_allocations" ADD CONSTRAINT "fee_refund_allocations_collection_id_fee_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."fee_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_allocations" ADD CONSTRAINT "fee_refund_allocations_run_id_fee_refund_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fee_refund_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_allocations" ADD CONSTRAINT "fee_refund_allocations_line_id_fee_refund_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."fee_refund_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_approvals" ADD CONSTRAINT "fee_refund_approvals_batch_id_fee_refund_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."fee_refund_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_approvals" ADD CONSTRAINT "fee_refund_approvals_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_approvals" ADD CONSTRAINT "fee_refund_approvals_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_batches" ADD CONSTRAINT "fee_refund_batches_run_id_fee_refund_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fee_refund_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_batches" ADD CONSTRAINT "fee_refund_batches_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_batches" ADD CONSTRAINT "fee_refund_batches_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_lines" ADD CONSTRAINT "fee_refund_lines_run_id_fee_refund_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fee_refund_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_lines" ADD CONSTRAINT "fee_refund_lines_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_payments" ADD CONSTRAINT "fee_refund_payments_line_id_fee_refund_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."fee_refund_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_payments" ADD CONSTRAINT "fee_refund_payments_batch_id_fee_refund_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."fee_refund_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_runs" ADD CONSTRAINT "fee_refund_runs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_refund_runs" ADD CONSTRAINT "fee_refund_runs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_refund_allocations_line" ON "fee_refund_allocations" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "fee_refund_allocations_run" ON "fee_refund_allocations" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "fee_refund_batches_run" ON "fee_refund_batches" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "fee_refund_batches_region" ON "fee_refund_batches" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "fee_refund_lines_uscc" ON "fee_refund_lines" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "fee_refund_lines_run" ON "fee_refund_lines" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "fee_refund_lines_region_state" ON "fee_refund_lines" USING btree ("region_code","state");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_refund_payments_one_live" ON "fee_refund_payments" USING btree ("line_id") WHERE "fee_refund_payments"."status" in ('out', 'paid');--> statement-breakpoint
CREATE INDEX "fee_refund_payments_batch" ON "fee_refund_payments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "fee_refund_runs_region_month" ON "fee_refund_runs" USING btree ("region_code","month");