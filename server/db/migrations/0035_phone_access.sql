CREATE TABLE "phone_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" varchar(16) NOT NULL,
	"phone" varchar(20) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phone_access_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "phone_access_phone" ON "phone_access" USING btree ("purpose","phone","kind","created_at");--> statement-breakpoint
-- Written by hand: the codes and sessions kept by each module until now move into the platform's
-- table under their page's purpose, so a worker's open session survives the upgrade.
INSERT INTO "phone_access" ("id", "purpose", "phone", "kind", "token_hash", "expires_at", "used_at", "attempts", "created_at")
SELECT "id", 'stations', "phone", "kind", "token_hash", "expires_at", "used_at", "attempts", "created_at" FROM "station_phone_access"
UNION ALL
SELECT "id", 'membership', "phone", "kind", "token_hash", "expires_at", "used_at", "attempts", "created_at" FROM "membership_phone_access";
