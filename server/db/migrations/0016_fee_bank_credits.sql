CREATE TABLE "fee_bank_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_date" date NOT NULL,
	"payer_name" varchar(128) NOT NULL,
	"payer_key" varchar(128) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"serial_no" varchar(64) NOT NULL,
	"region_code" varchar(6),
	"import_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_bank_credits_serial" UNIQUE("serial_no"),
	CONSTRAINT "fee_bank_credits_money" CHECK ("fee_bank_credits"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "fee_bank_credits" ADD CONSTRAINT "fee_bank_credits_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_bank_credits_payer_date" ON "fee_bank_credits" USING btree ("payer_key","credit_date");--> statement-breakpoint
CREATE INDEX "fee_bank_credits_date" ON "fee_bank_credits" USING btree ("credit_date");--> statement-breakpoint
CREATE INDEX "fee_bank_credits_import" ON "fee_bank_credits" USING btree ("import_id");