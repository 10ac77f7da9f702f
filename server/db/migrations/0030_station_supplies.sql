CREATE TABLE "station_supply_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" varchar(32) NOT NULL,
	"unit" varchar(8) NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"low_at" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "station_supply_items_station_name" UNIQUE("station_id","name"),
	CONSTRAINT "station_supply_items_stock" CHECK ("station_supply_items"."stock" >= 0),
	CONSTRAINT "station_supply_items_low_at" CHECK ("station_supply_items"."low_at" >= 0)
);
--> statement-breakpoint
CREATE TABLE "station_supply_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"quantity" integer NOT NULL,
	"donor_account_id" uuid,
	"donor_name" varchar(64),
	"thanked_at" timestamp with time zone,
	"thank_note" varchar(200),
	"at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_supply_moves_kind" CHECK ("station_supply_moves"."kind" in ('donation', 'consumed', 'adjusted')),
	CONSTRAINT "station_supply_moves_quantity" CHECK (("station_supply_moves"."kind" = 'adjusted' and "station_supply_moves"."quantity" <> 0) or ("station_supply_moves"."kind" <> 'adjusted' and "station_supply_moves"."quantity" > 0)),
	CONSTRAINT "station_supply_moves_donor" CHECK ("station_supply_moves"."kind" <> 'donation' or "station_supply_moves"."donor_account_id" is not null or "station_supply_moves"."donor_name" is not null)
);
--> statement-breakpoint
ALTER TABLE "station_supply_items" ADD CONSTRAINT "station_supply_items_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_supply_moves" ADD CONSTRAINT "station_supply_moves_item_id_station_supply_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."station_supply_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_supply_moves" ADD CONSTRAINT "station_supply_moves_donor_account_id_accounts_id_fk" FOREIGN KEY ("donor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_supply_moves" ADD CONSTRAINT "station_supply_moves_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_supply_moves_item_time" ON "station_supply_moves" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "station_supply_moves_donor_time" ON "station_supply_moves" USING btree ("donor_account_id","at") WHERE "station_supply_moves"."donor_account_id" is not null;