-- UNLOGGED (written by hand; drizzle-kit has no word for it): staged rows live seconds and need no WAL.
-- A crash empties the table; the commit then finds fewer rows than were accepted and fails the import.
CREATE UNLOGGED TABLE "fee_collection_staging" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"taxpayer_name" varchar(128) NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"wage_base_fen" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"paid_fen" bigint NOT NULL,
	"e_ticket_no" varchar(40) NOT NULL,
	"tax_office_name" varchar(128) NOT NULL,
	"treasury_date" date NOT NULL,
	"region_code" varchar(6) NOT NULL,
	CONSTRAINT "fee_collection_staging_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
-- Written by hand too: an upload's 1 MB pieces are stored as they come, not compressed (pglz spent
-- more time on a CSV than its write; the pieces live only until the file is checked).
ALTER TABLE "import_chunks" ALTER COLUMN "content" SET STORAGE EXTERNAL;
