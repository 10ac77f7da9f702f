CREATE TABLE "station_alarm_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6),
	"station_id" uuid,
	"metric" varchar(16) NOT NULL,
	"op" varchar(8) NOT NULL,
	"threshold" real NOT NULL,
	"duration_sec" integer NOT NULL,
	"hysteresis" real DEFAULT 0 NOT NULL,
	"severity" varchar(8) NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_alarm_rules_target" CHECK (("station_alarm_rules"."region_code" is null) <> ("station_alarm_rules"."station_id" is null)),
	CONSTRAINT "station_alarm_rules_op" CHECK ("station_alarm_rules"."op" in ('above', 'below')),
	CONSTRAINT "station_alarm_rules_severity" CHECK ("station_alarm_rules"."severity" in ('info', 'warning', 'critical')),
	CONSTRAINT "station_alarm_rules_duration" CHECK ("station_alarm_rules"."duration_sec" between 0 and 86400)
);
--> statement-breakpoint
CREATE TABLE "station_alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"rule_id" uuid,
	"equipment_code" varchar(32) DEFAULT '' NOT NULL,
	"severity" varchar(8) NOT NULL,
	"state" varchar(12) DEFAULT 'active' NOT NULL,
	"text_zh" text NOT NULL,
	"text_en" text NOT NULL,
	"value" real,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"cleared_by" uuid,
	"cleared_at" timestamp with time zone,
	"note" varchar(200),
	CONSTRAINT "station_alarms_state" CHECK ("station_alarms"."state" in ('active', 'acknowledged', 'cleared'))
);
--> statement-breakpoint
CREATE TABLE "station_hours" (
	"station_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
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
	CONSTRAINT "station_hours_station_id_hour_pk" PRIMARY KEY("station_id","hour")
);
--> statement-breakpoint
CREATE TABLE "station_ingest_problems" (
	"station_code" varchar(32) NOT NULL,
	"reason" varchar(16) NOT NULL,
	"count" integer NOT NULL,
	"last_topic" varchar(200) NOT NULL,
	"last_detail" varchar(200),
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "station_ingest_problems_station_code_reason_pk" PRIMARY KEY("station_code","reason")
);
--> statement-breakpoint
CREATE TABLE "station_live" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"online" boolean,
	"online_changed_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"temperature_c" real,
	"humidity_pct" real,
	"pm25" real,
	"co2_ppm" real,
	"env_at" timestamp with time zone,
	"people_day" varchar(10),
	"people_in" integer DEFAULT 0 NOT NULL,
	"people_out" integer DEFAULT 0 NOT NULL,
	"equipment" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_minutes" (
	"station_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
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
	CONSTRAINT "station_minutes_station_id_minute_pk" PRIMARY KEY("station_id","minute")
);
--> statement-breakpoint
CREATE TABLE "station_rule_states" (
	"station_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"since" timestamp with time zone,
	"raised" boolean NOT NULL,
	"last_ts" timestamp with time zone,
	CONSTRAINT "station_rule_states_station_id_rule_id_pk" PRIMARY KEY("station_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "station_telemetry" (
	"station_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"kind" smallint NOT NULL,
	"equipment_code" varchar(32),
	"temperature_c" real,
	"humidity_pct" real,
	"pm25" real,
	"co2_ppm" real,
	"state" varchar(24),
	"power_w" real,
	"people_in" smallint,
	"people_out" smallint
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
-- Written by hand: raw telemetry is partitioned by month; the ingester makes each month's partition
-- before its first row (station_telemetry_month), and the default partition catches anything else.
CREATE TABLE "station_telemetry_default" PARTITION OF "station_telemetry" DEFAULT;
--> statement-breakpoint
CREATE FUNCTION station_telemetry_month(month_start timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  name text := 'station_telemetry_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF station_telemetry FOR VALUES FROM (%L) TO (%L)',
      name,
      month_start,
      month_start + interval '1 month'
    );
  END IF;
  RETURN name;
EXCEPTION WHEN duplicate_table THEN
  -- Another instance made it at the same moment.
  RETURN name;
END
$$;
--> statement-breakpoint
ALTER TABLE "station_devices" DROP CONSTRAINT "station_devices_kind";--> statement-breakpoint
ALTER TABLE "station_alarm_rules" ADD CONSTRAINT "station_alarm_rules_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_alarm_rules" ADD CONSTRAINT "station_alarm_rules_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_alarms" ADD CONSTRAINT "station_alarms_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_alarms" ADD CONSTRAINT "station_alarms_acknowledged_by_accounts_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_alarms" ADD CONSTRAINT "station_alarms_cleared_by_accounts_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_live" ADD CONSTRAINT "station_live_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_rule_states" ADD CONSTRAINT "station_rule_states_rule_id_station_alarm_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."station_alarm_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "station_alarms_open_cause" ON "station_alarms" USING btree ("station_id","kind",coalesce("rule_id", '00000000-0000-0000-0000-000000000000'),"equipment_code") WHERE "station_alarms"."state" <> 'cleared';--> statement-breakpoint
CREATE INDEX "station_alarms_station_state" ON "station_alarms" USING btree ("station_id","state","last_at");--> statement-breakpoint
CREATE INDEX "station_hours_hour" ON "station_hours" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "station_telemetry_station_ts" ON "station_telemetry" USING btree ("station_id","ts");--> statement-breakpoint
ALTER TABLE "station_devices" ADD CONSTRAINT "station_devices_kind" CHECK ("station_devices"."kind" in ('door_adms', 'door_webhook', 'sensor_gateway'));