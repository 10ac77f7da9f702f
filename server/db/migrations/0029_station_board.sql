CREATE TABLE "station_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"body" varchar(500) NOT NULL,
	"status" varchar(8) DEFAULT 'open' NOT NULL,
	"reply" varchar(500),
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "station_suggestions_status" CHECK ("station_suggestions"."status" in ('open', 'replied', 'done'))
);
--> statement-breakpoint
ALTER TABLE "station_suggestions" ADD CONSTRAINT "station_suggestions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_suggestions" ADD CONSTRAINT "station_suggestions_worker_id_station_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."station_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_suggestions" ADD CONSTRAINT "station_suggestions_replied_by_accounts_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_suggestions_station_time" ON "station_suggestions" USING btree ("station_id","created_at");