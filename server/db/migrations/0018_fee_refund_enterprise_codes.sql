CREATE TABLE "fee_enterprise_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_enterprise_access_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "fee_enterprise_access_uscc" ON "fee_enterprise_access" USING btree ("uscc","kind");