DROP TABLE "station_phone_access" CASCADE;--> statement-breakpoint
DROP TABLE "membership_phone_access" CASCADE;