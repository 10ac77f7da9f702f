CREATE TABLE "fee_collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
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
	"import_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_collections_ticket_period" UNIQUE("e_ticket_no","period_from","period_to"),
	CONSTRAINT "fee_collections_period" CHECK ("fee_collections"."period_to" >= "fee_collections"."period_from"),
	CONSTRAINT "fee_collections_money" CHECK ("fee_collections"."wage_base_fen" >= 0 and "fee_collections"."paid_fen" >= 0),
	CONSTRAINT "fee_collections_rate" CHECK ("fee_collections"."rate_bp" between 0 and 1000)
);
--> statement-breakpoint
ALTER TABLE "fee_collections" ADD CONSTRAINT "fee_collections_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_collections_uscc" ON "fee_collections" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "fee_collections_office_treasury" ON "fee_collections" USING btree ("tax_office_name","treasury_date");--> statement-breakpoint
CREATE INDEX "fee_collections_region_treasury" ON "fee_collections" USING btree ("region_code","treasury_date");--> statement-breakpoint
CREATE INDEX "fee_collections_import" ON "fee_collections" USING btree ("import_id");