CREATE TABLE "station_device_commands" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "station_device_commands_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"device_id" uuid NOT NULL,
	"command" jsonb NOT NULL,
	"status" varchar(8) DEFAULT 'pending' NOT NULL,
	"return_code" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "station_device_commands_status" CHECK ("station_device_commands"."status" in ('pending', 'sent', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "station_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" varchar(64) NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"secret_enc" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"attlog_stamp" varchar(32) DEFAULT '0' NOT NULL,
	"operlog_stamp" varchar(32) DEFAULT '0' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_devices_serial_unique" UNIQUE("serial"),
	CONSTRAINT "station_devices_kind" CHECK ("station_devices"."kind" in ('door_adms', 'door_webhook'))
);
--> statement-breakpoint
CREATE TABLE "station_door_rejects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid,
	"device_serial" varchar(64),
	"reason" varchar(24) NOT NULL,
	"detail" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_phone_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" varchar(20) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_phone_access_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "station_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"device_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"method" varchar(16) NOT NULL,
	"source_key" varchar(160) NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_visits_source_key_unique" UNIQUE("source_key"),
	CONSTRAINT "station_visits_method" CHECK ("station_visits"."method" in ('face', 'qr_pass', 'card', 'fingerprint', 'password', 'palm', 'other'))
);
--> statement-breakpoint
CREATE TABLE "station_webhook_signatures" (
	"signature" varchar(64) PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"phone" varchar(20) NOT NULL,
	"pin" integer GENERATED ALWAYS AS IDENTITY (sequence name "station_workers_pin_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 100001 CACHE 1),
	"occupation" varchar(16) NOT NULL,
	"platform" varchar(64),
	"registered_station_id" uuid NOT NULL,
	"privacy_notice_version" varchar(16) NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"pass_serial" integer DEFAULT 1 NOT NULL,
	"face_photo" "bytea",
	"face_consented_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_workers_person_id_unique" UNIQUE("person_id"),
	CONSTRAINT "station_workers_phone_unique" UNIQUE("phone"),
	CONSTRAINT "station_workers_pin_unique" UNIQUE("pin"),
	CONSTRAINT "station_workers_occupation" CHECK ("station_workers"."occupation" in ('rider', 'courier', 'sanitation', 'driver', 'other')),
	CONSTRAINT "station_workers_face_consent" CHECK ("station_workers"."face_photo" is null or "station_workers"."face_consented_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" varchar(64) NOT NULL,
	"address" varchar(200) NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"datum" varchar(8) DEFAULT 'GCJ-02' NOT NULL,
	"location" "point" GENERATED ALWAYS AS (point(lng, lat)) STORED NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"host_organization_id" uuid,
	"operator_name" varchar(128),
	"manager_account_id" uuid,
	"open_24h" boolean NOT NULL,
	"opens_minute" smallint,
	"closes_minute" smallint,
	"area_m2" integer,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_code_unique" UNIQUE("code"),
	CONSTRAINT "stations_datum" CHECK ("stations"."datum" = 'GCJ-02'),
	CONSTRAINT "stations_status" CHECK ("stations"."status" in ('open', 'suspended', 'closed')),
	CONSTRAINT "stations_facilities" CHECK ("stations"."facilities" <@ array['microwave', 'air_conditioner', 'water_dispenser', 'charging', 'first_aid', 'toilet', 'rest_seats', 'raincoats', 'tool_box']::text[]),
	CONSTRAINT "stations_standards" CHECK ("stations"."standards" <@ array['sign', 'site', 'facilities', 'functions', 'rules', 'on_map']::text[]),
	CONSTRAINT "stations_hours" CHECK (("stations"."open_24h" and "stations"."opens_minute" is null and "stations"."closes_minute" is null) or (not "stations"."open_24h" and "stations"."opens_minute" between 0 and 1439 and "stations"."closes_minute" between 0 and 1439 and "stations"."opens_minute" <> "stations"."closes_minute")),
	CONSTRAINT "stations_coordinates" CHECK ("stations"."lat" between -90 and 90 and "stations"."lng" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "station_device_commands" ADD CONSTRAINT "station_device_commands_device_id_station_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."station_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_devices" ADD CONSTRAINT "station_devices_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_door_rejects" ADD CONSTRAINT "station_door_rejects_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visits" ADD CONSTRAINT "station_visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visits" ADD CONSTRAINT "station_visits_worker_id_station_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."station_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_visits" ADD CONSTRAINT "station_visits_device_id_station_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."station_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_workers" ADD CONSTRAINT "station_workers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_workers" ADD CONSTRAINT "station_workers_registered_station_id_stations_id_fk" FOREIGN KEY ("registered_station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_manager_account_id_accounts_id_fk" FOREIGN KEY ("manager_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_device_commands_due" ON "station_device_commands" USING btree ("device_id","status","id");--> statement-breakpoint
CREATE INDEX "station_devices_station_idx" ON "station_devices" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "station_door_rejects_station_time" ON "station_door_rejects" USING btree ("station_id","received_at");--> statement-breakpoint
CREATE INDEX "station_door_rejects_serial_time" ON "station_door_rejects" USING btree ("device_serial","received_at");--> statement-breakpoint
CREATE INDEX "station_phone_access_phone" ON "station_phone_access" USING btree ("phone","kind");--> statement-breakpoint
CREATE INDEX "station_visits_station_time" ON "station_visits" USING btree ("station_id","occurred_at");--> statement-breakpoint
CREATE INDEX "station_visits_worker_time" ON "station_visits" USING btree ("worker_id","occurred_at");--> statement-breakpoint
CREATE INDEX "station_webhook_signatures_time" ON "station_webhook_signatures" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "stations_location_gist" ON "stations" USING gist ("location");--> statement-breakpoint
CREATE INDEX "stations_region_idx" ON "stations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "stations_name_idx" ON "stations" USING btree ("name" varchar_pattern_ops);