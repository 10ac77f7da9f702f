CREATE TABLE "throttle_buckets" (
	"key" varchar(200) PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"strikes" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"series" varchar(120) PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediation_bodies" ADD COLUMN "contact_phone" varchar(20);--> statement-breakpoint
ALTER TABLE "mediation_bodies" ADD COLUMN "case_number_prefix" varchar(16);--> statement-breakpoint
ALTER TABLE "mediation_bodies" ADD COLUMN "default_court_id" uuid;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "ruling_no" varchar(40);--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_ruling_no_unique" UNIQUE("ruling_no");--> statement-breakpoint
-- Ruling numbers already issued move to the unique column (the first case keeps a number that was given twice).
UPDATE "dispute_cases" d SET "ruling_no" = f.no
FROM (
  SELECT DISTINCT ON ("record"->>'rulingNo') "id", "record"->>'rulingNo' AS no
  FROM "dispute_cases" WHERE "record" ? 'rulingNo'
  ORDER BY "record"->>'rulingNo', "ruling_issued_on", "created_at"
) f
WHERE d."id" = f."id";
