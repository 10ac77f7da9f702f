CREATE TABLE "fee_refund_reminders" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"overdue_lines" integer NOT NULL,
	"at_risk_lines" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_refund_reminders_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
ALTER TABLE "fee_refund_reminders" ADD CONSTRAINT "fee_refund_reminders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;