CREATE TABLE "encryption_key_check" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
