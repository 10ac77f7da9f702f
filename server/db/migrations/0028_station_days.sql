CREATE TABLE "station_days" (
	"station_id" uuid NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"messages" integer NOT NULL,
	"env_count" integer NOT NULL,
	"temperature_sum" double precision NOT NULL,
	"temperature_count" integer NOT NULL,
	"temperature_min" real,
	"temperature_max" real,
	"humidity_sum" double precision NOT NULL,
	"humidity_count" integer NOT NULL,
	"people_in" integer NOT NULL,
	"people_out" integer NOT NULL,
	CONSTRAINT "station_days_station_id_day_pk" PRIMARY KEY("station_id","day")
);
--> statement-breakpoint
CREATE INDEX "station_days_day" ON "station_days" USING btree ("day");