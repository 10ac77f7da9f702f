CREATE TABLE "membership_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_no" varchar(24) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"organiser_id" uuid,
	"visit_id" uuid,
	"area_id" uuid,
	"person_id" uuid NOT NULL,
	"resident_id_hash" varchar(64) NOT NULL,
	"name" varchar(32) NOT NULL,
	"phone" varchar(20) NOT NULL,
	"occupation" varchar(24) NOT NULL,
	"employer" varchar(128),
	"notice_version" varchar(16) NOT NULL,
	"from_membership_id" uuid,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"decision_reason" varchar(200),
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"membership_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_applications_application_no_unique" UNIQUE("application_no"),
	CONSTRAINT "membership_applications_kind" CHECK ("membership_applications"."kind" in ('join', 'transfer')),
	CONSTRAINT "membership_applications_status" CHECK ("membership_applications"."status" in ('pending', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "membership_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(64) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"organiser_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_areas_kind" CHECK ("membership_areas"."kind" in ('regions', 'streets', 'platforms'))
);
--> statement-breakpoint
CREATE TABLE "membership_insurance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"scheme" varchar(24) NOT NULL,
	"insurer" varchar(64) NOT NULL,
	"policy_no" varchar(40),
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"source" varchar(12) NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_insurance_scheme" CHECK ("membership_insurance"."scheme" in ('work_injury', 'occupational_injury', 'commercial_accident')),
	CONSTRAINT "membership_insurance_source" CHECK ("membership_insurance"."source" in ('import', 'manual', 'joining')),
	CONSTRAINT "membership_insurance_dates" CHECK ("membership_insurance"."ends_on" >= "membership_insurance"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "membership_organisers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(16) NOT NULL,
	"name" varchar(32) NOT NULL,
	"phone" varchar(20),
	"organization_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"account_id" uuid,
	"active" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_organisers_code_unique" UNIQUE("code"),
	CONSTRAINT "membership_organisers_account_id_unique" UNIQUE("account_id")
);
--> statement-breakpoint
CREATE TABLE "membership_phone_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" varchar(20) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_phone_access_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "membership_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"reasons" text NOT NULL,
	"status" varchar(16) DEFAULT 'nominated' NOT NULL,
	"nominated_by" uuid,
	"nominated_at" timestamp with time zone NOT NULL,
	"review_note" varchar(200),
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"outcome_note" varchar(200),
	"outcome_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_recommendations_status" CHECK ("membership_recommendations"."status" in ('nominated', 'endorsed', 'declined', 'accepted', 'not_accepted'))
);
--> statement-breakpoint
CREATE TABLE "membership_visit_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"mime" varchar(32) NOT NULL,
	"content" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"area_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"place" varchar(200) NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"workers_met" integer NOT NULL,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_visits_workers_met" CHECK ("membership_visits"."workers_met" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_no" varchar(20) NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"joined_on" date NOT NULL,
	"ended_on" date,
	"leave_reason" varchar(16),
	"end_note" varchar(200),
	"application_id" uuid,
	"previous_id" uuid,
	"organiser_id" uuid,
	"area_id" uuid,
	"occupation" varchar(24),
	"ethnicity" varchar(2),
	"education" varchar(24),
	"political_status" varchar(24),
	"employer" varchar(128),
	"post" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_status" CHECK ("memberships"."status" in ('active', 'transferred', 'left'))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "code" varchar(24);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "chair_name" varchar(32);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "approver_account_id" uuid;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_organiser_id_membership_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."membership_organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_visit_id_membership_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."membership_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_area_id_membership_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."membership_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_areas" ADD CONSTRAINT "membership_areas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_areas" ADD CONSTRAINT "membership_areas_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_areas" ADD CONSTRAINT "membership_areas_organiser_id_membership_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."membership_organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_insurance" ADD CONSTRAINT "membership_insurance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_insurance" ADD CONSTRAINT "membership_insurance_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_organisers" ADD CONSTRAINT "membership_organisers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_organisers" ADD CONSTRAINT "membership_organisers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_organisers" ADD CONSTRAINT "membership_organisers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_nominated_by_accounts_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_recommendations" ADD CONSTRAINT "membership_recommendations_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_visit_photos" ADD CONSTRAINT "membership_visit_photos_visit_id_membership_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."membership_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_visits" ADD CONSTRAINT "membership_visits_organiser_id_membership_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."membership_organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_visits" ADD CONSTRAINT "membership_visits_area_id_membership_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."membership_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_visits" ADD CONSTRAINT "membership_visits_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organiser_id_membership_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."membership_organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_area_id_membership_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."membership_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_one_pending" ON "membership_applications" USING btree ("resident_id_hash") WHERE "membership_applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "membership_applications_queue" ON "membership_applications" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "membership_applications_org_queue" ON "membership_applications" USING btree ("organization_id","status","created_at");--> statement-breakpoint
CREATE INDEX "membership_applications_organiser" ON "membership_applications" USING btree ("organiser_id","created_at");--> statement-breakpoint
CREATE INDEX "membership_applications_area" ON "membership_applications" USING btree ("area_id","created_at");--> statement-breakpoint
CREATE INDEX "membership_applications_person" ON "membership_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "membership_applications_phone" ON "membership_applications" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "membership_areas_region" ON "membership_areas" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "membership_areas_organiser" ON "membership_areas" USING btree ("organiser_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_insurance_once" ON "membership_insurance" USING btree ("person_id","scheme","starts_on");--> statement-breakpoint
CREATE INDEX "membership_insurance_region_end" ON "membership_insurance" USING btree ("region_code","ends_on");--> statement-breakpoint
CREATE INDEX "membership_organisers_region" ON "membership_organisers" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "membership_phone_access_phone" ON "membership_phone_access" USING btree ("phone","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_recommendations_once_a_year" ON "membership_recommendations" USING btree ("membership_id","year");--> statement-breakpoint
CREATE INDEX "membership_recommendations_region" ON "membership_recommendations" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "membership_visit_photos_visit" ON "membership_visit_photos" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "membership_visits_organiser" ON "membership_visits" USING btree ("organiser_id","visited_at");--> statement-breakpoint
CREATE INDEX "membership_visits_area" ON "membership_visits" USING btree ("area_id","visited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_active" ON "memberships" USING btree ("person_id") WHERE "memberships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "memberships_member_no" ON "memberships" USING btree ("member_no");--> statement-breakpoint
CREATE INDEX "memberships_org" ON "memberships" USING btree ("organization_id","status","joined_on");--> statement-breakpoint
CREATE INDEX "memberships_region" ON "memberships" USING btree ("region_code","status","joined_on");--> statement-breakpoint
CREATE INDEX "memberships_person" ON "memberships" USING btree ("person_id","joined_on");--> statement-breakpoint
CREATE INDEX "memberships_organiser" ON "memberships" USING btree ("organiser_id","joined_on");--> statement-breakpoint
CREATE INDEX "memberships_area" ON "memberships" USING btree ("area_id","joined_on");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_code_unique" UNIQUE("code");