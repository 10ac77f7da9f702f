CREATE TABLE "fee_stats_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_stats_snapshot" (
	"level" varchar(8) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"enterprises_paid" integer NOT NULL,
	"collected_fen" bigint NOT NULL,
	"enterprises_due" integer NOT NULL,
	"enterprises_unpaid" integer NOT NULL,
	"due_fen" bigint NOT NULL,
	"refunded_fen" bigint NOT NULL,
	"held_fen" bigint NOT NULL,
	"unpaid_fen" bigint NOT NULL,
	"paid_lines" integer NOT NULL,
	"on_time_lines" integer NOT NULL,
	CONSTRAINT "fee_stats_snapshot_level_region_code_year_pk" PRIMARY KEY("level","region_code","year")
);
--> statement-breakpoint
CREATE TABLE "fee_stats_unpaid_days" (
	"region_code" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"due_on" date NOT NULL,
	"lines" integer NOT NULL,
	"fen" bigint NOT NULL,
	CONSTRAINT "fee_stats_unpaid_days_region_code_year_due_on_pk" PRIMARY KEY("region_code","year","due_on")
);
--> statement-breakpoint
-- Written by hand: a transaction that writes the rows of the refund statistics leaves one mark
-- (docs/adr/0006). FOR EACH STATEMENT, no transition tables, no per-row work and no shared row to
-- update: a COPY of 336,000 lines costs one insert. The first statement of a transaction inserts
-- the mark and sets a flag local to the transaction, so its later statements (a re-batch updates
-- line by line) only read the flag; a rolled-back savepoint undoes both the mark and the flag.
-- An UPDATE lists the columns the figures read: writing a line's creditor account leaves no mark.
CREATE OR REPLACE FUNCTION fee_stats_mark_change() RETURNS trigger AS $$
BEGIN
  IF current_setting('yizhan.fee_stats_marked', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO fee_stats_changes DEFAULT VALUES;
    PERFORM set_config('yizhan.fee_stats_marked', 'on', true);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER fee_collections_stats_change
  AFTER INSERT OR DELETE OR UPDATE OF uscc, paid_fen, treasury_date, region_code OR TRUNCATE ON fee_collections
  FOR EACH STATEMENT EXECUTE FUNCTION fee_stats_mark_change();
--> statement-breakpoint
CREATE TRIGGER fee_refund_lines_stats_change
  AFTER INSERT OR DELETE OR UPDATE OF uscc, region_code, month, amount_fen, state, due_on, paid_on OR TRUNCATE
  ON fee_refund_lines
  FOR EACH STATEMENT EXECUTE FUNCTION fee_stats_mark_change();
--> statement-breakpoint
-- Rows written before this migration: the empty snapshot is stale until the first refresh.
INSERT INTO fee_stats_changes DEFAULT VALUES;
