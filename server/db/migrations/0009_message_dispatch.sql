CREATE TABLE "notification_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"provider" varchar(16) NOT NULL,
	"status" varchar(10) NOT NULL,
	"provider_message_id" varchar(128),
	"error" varchar(500),
	"duration_ms" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "kind" varchar(8) DEFAULT 'notice' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "template" varchar(48);--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "variables" jsonb;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "status" varchar(12) DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "last_error" varchar(500);--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "provider" varchar(16);--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "provider_message_id" varchar(128);--> statement-breakpoint
-- Messages written before the dispatcher existed only ever went to the log: they are not sent now.
UPDATE "notification_outbox" SET "status" = 'delivered', "provider" = 'log';--> statement-breakpoint
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_message_id_notification_outbox_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."notification_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempts_message_idx" ON "notification_attempts" USING btree ("message_id","attempt_no");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "notification_outbox" USING btree ("recipient");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "notification_outbox" USING btree ("next_attempt_at") WHERE "notification_outbox"."status" in ('pending', 'sending');