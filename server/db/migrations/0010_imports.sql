CREATE TABLE "import_changes" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "import_changes_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"natural_key" text,
	"data" jsonb,
	"errors" jsonb,
	"cells" jsonb,
	CONSTRAINT "import_rows_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(32) NOT NULL,
	"status" varchar(16) NOT NULL,
	"filename" varchar(256) NOT NULL,
	"format" varchar(8) NOT NULL,
	"encoding" varchar(16),
	"byte_size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"region_code" varchar(6),
	"created_by" jsonb NOT NULL,
	"committed_by" jsonb,
	"options" jsonb NOT NULL,
	"request_id" varchar(64) NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unknown_headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"progress_message" jsonb,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"rolled_back_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_chunks" ADD CONSTRAINT "import_chunks_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_rejected" ON "import_rows" USING btree ("import_id","row_no") WHERE errors is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "imports_kind_sha256" ON "imports" USING btree ("kind","sha256",("options"->>'acceptWarnings')) WHERE status not in ('failed', 'rolled_back');--> statement-breakpoint
CREATE INDEX "imports_kind_created" ON "imports" USING btree ("kind","created_at");