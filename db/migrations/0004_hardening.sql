ALTER TABLE "cases" ADD COLUMN "idempotency_key" uuid;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "idempotency_key" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_key_index" ON "cases" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_case_id_idempotency_key_index" ON "sources" USING btree ("case_id","idempotency_key");