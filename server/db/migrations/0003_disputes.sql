CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" varchar(8) NOT NULL,
	"recipient" varchar(128) NOT NULL,
	"subject" varchar(200),
	"body" text NOT NULL,
	"topic" varchar(80),
	"region_code" varchar(6),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" varchar(8) NOT NULL,
	"note" varchar(100)
);
--> statement-breakpoint
CREATE TABLE "dispute_access_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" varchar(24) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_access_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "dispute_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" varchar(40) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"court_id" uuid,
	"mediation_body_id" uuid,
	"kind" varchar(32) NOT NULL,
	"channel" varchar(12) NOT NULL,
	"stage" varchar(32) NOT NULL,
	"sector" varchar(24) NOT NULL,
	"claim_types" text[] NOT NULL,
	"claim_total_fen" bigint NOT NULL,
	"settled_fen" bigint,
	"worker_person_id" uuid NOT NULL,
	"worker_count" integer DEFAULT 1 NOT NULL,
	"employer_id" uuid,
	"respondent_employer_id" uuid,
	"mediator_account_id" uuid,
	"judge_account_id" uuid,
	"joint" boolean DEFAULT false NOT NULL,
	"facts" jsonb NOT NULL,
	"analysis" jsonb,
	"record" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applied_on" date NOT NULL,
	"accepted_on" date NOT NULL,
	"contacted_on" date,
	"mediation_started_on" date,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"agreement_effective_on" date,
	"confirmation_applied_on" date,
	"ruling_issued_on" date,
	"closed_on" date,
	"closed_reason" varchar(32),
	"referral" varchar(16),
	"next_due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_cases_case_number_unique" UNIQUE("case_number")
);
--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_label" varchar(64) NOT NULL,
	"action" varchar(40) NOT NULL,
	"from_stage" varchar(32),
	"to_stage" varchar(32),
	"payload" jsonb
);
--> statement-breakpoint
CREATE TABLE "dispute_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(64) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"description" varchar(200),
	"uploaded_by" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date,
	"paid_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"mode" varchar(12) NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"location" varchar(200),
	"meeting_url" varchar(500),
	"held_at" timestamp with time zone,
	"minutes" text,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"expertise" text[] NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"conflict_employer_ids" uuid[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispute_access_tokens" ADD CONSTRAINT "dispute_access_tokens_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_court_id_courts_id_fk" FOREIGN KEY ("court_id") REFERENCES "public"."courts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_mediation_body_id_mediation_bodies_id_fk" FOREIGN KEY ("mediation_body_id") REFERENCES "public"."mediation_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_worker_person_id_people_id_fk" FOREIGN KEY ("worker_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_respondent_employer_id_employers_id_fk" FOREIGN KEY ("respondent_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_mediator_account_id_accounts_id_fk" FOREIGN KEY ("mediator_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_judge_account_id_accounts_id_fk" FOREIGN KEY ("judge_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_payments" ADD CONSTRAINT "dispute_payments_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sessions" ADD CONSTRAINT "dispute_sessions_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediator_profiles" ADD CONSTRAINT "mediator_profiles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_topic_idx" ON "notification_outbox" USING btree ("topic");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "notification_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "dispute_tokens_case_idx" ON "dispute_access_tokens" USING btree ("case_id","purpose");--> statement-breakpoint
CREATE INDEX "dispute_cases_region_stage_idx" ON "dispute_cases" USING btree ("region_code","stage","created_at");--> statement-breakpoint
CREATE INDEX "dispute_cases_region_created_idx" ON "dispute_cases" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "dispute_cases_mediator_idx" ON "dispute_cases" USING btree ("mediator_account_id","stage");--> statement-breakpoint
CREATE INDEX "dispute_cases_court_stage_idx" ON "dispute_cases" USING btree ("court_id","stage");--> statement-breakpoint
CREATE INDEX "dispute_cases_employer_idx" ON "dispute_cases" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "dispute_cases_respondent_idx" ON "dispute_cases" USING btree ("respondent_employer_id");--> statement-breakpoint
CREATE INDEX "dispute_cases_worker_idx" ON "dispute_cases" USING btree ("worker_person_id");--> statement-breakpoint
CREATE INDEX "dispute_cases_due_idx" ON "dispute_cases" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "dispute_events_case_idx" ON "dispute_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "dispute_evidence_case_idx" ON "dispute_evidence" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_payments_seq" ON "dispute_payments" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_sessions_case_idx" ON "dispute_sessions" USING btree ("case_id");