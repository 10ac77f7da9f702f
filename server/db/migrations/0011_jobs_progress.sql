CREATE TABLE "job_progress" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"job_name" varchar(100) NOT NULL,
	"fraction" real DEFAULT 0 NOT NULL,
	"message_zh" varchar(300),
	"message_en" varchar(300),
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "job_progress_updated_idx" ON "job_progress" USING btree ("updated_at");