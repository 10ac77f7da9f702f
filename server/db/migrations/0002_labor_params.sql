CREATE TABLE "labor_params" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" varchar(32) NOT NULL,
	"effective_from" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"source" varchar(256) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labor_params" ADD CONSTRAINT "labor_params_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labor_params_unique" ON "labor_params" USING btree ("region_code","kind","effective_from");--> statement-breakpoint
CREATE INDEX "labor_params_lookup" ON "labor_params" USING btree ("kind","region_code","effective_from");