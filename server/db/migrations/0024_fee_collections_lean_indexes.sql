DROP INDEX "fee_collections_uscc";--> statement-breakpoint
DROP INDEX "fee_collections_office_treasury";