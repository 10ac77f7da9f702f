DROP INDEX "dispute_cases_region_stage_idx";--> statement-breakpoint
DROP INDEX "dispute_cases_region_created_idx";--> statement-breakpoint
CREATE INDEX "dispute_cases_order_idx" ON "dispute_cases" USING btree ("applied_on","case_number");--> statement-breakpoint
CREATE INDEX "dispute_cases_stage_order_idx" ON "dispute_cases" USING btree ("stage","applied_on","case_number");--> statement-breakpoint
CREATE INDEX "dispute_cases_stage_region_idx" ON "dispute_cases" USING btree ("stage","region_code");--> statement-breakpoint
CREATE INDEX "dispute_cases_region_idx" ON "dispute_cases" USING btree ("region_code");