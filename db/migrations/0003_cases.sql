CREATE TYPE "public"."case_status" AS ENUM('open', 'responding', 'closed');--> statement-breakpoint
CREATE TYPE "public"."claim_review" AS ENUM('proposed', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."claim_status" AS ENUM('new', 'checking', 'checked');--> statement-breakpoint
CREATE TYPE "public"."source_format" AS ENUM('text', 'markdown', 'html');--> statement-breakpoint
CREATE TYPE "public"."stance" AS ENUM('supports', 'contradicts', 'context');--> statement-breakpoint
CREATE TYPE "public"."verdict" AS ENUM('accurate', 'inaccurate', 'misleading', 'unverifiable');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"case_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"due_at" timestamp with time zone,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_appearances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"quote" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"text" text NOT NULL,
	"fingerprint" text NOT NULL,
	"kind" text NOT NULL,
	"check_worthiness" real NOT NULL,
	"below_threshold" boolean DEFAULT false NOT NULL,
	"facts" jsonb NOT NULL,
	"review" "claim_review" DEFAULT 'proposed' NOT NULL,
	"status" "claim_status" DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"suggestion" jsonb,
	"verdict" "verdict",
	"verdict_note" text,
	"verdict_set_by" uuid,
	"verdict_set_at" timestamp with time zone,
	"verdict_from_suggestion" jsonb,
	"same_as_claim_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"incident_id" text NOT NULL,
	"field" text,
	"excerpt" text,
	"stance" "stance" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_version" integer,
	"confirmed_hash" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"published_at" date,
	"format" "source_format" NOT NULL,
	"body" text NOT NULL,
	"original_html" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_appearances" ADD CONSTRAINT "claim_appearances_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_appearances" ADD CONSTRAINT "claim_appearances_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_verdict_set_by_users_id_fk" FOREIGN KEY ("verdict_set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_case_id_seq_index" ON "audit_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "cases_status_due_at_index" ON "cases" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "cases_owner_id_index" ON "cases" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "claim_appearances_claim_id_index" ON "claim_appearances" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_appearances_source_id_start_end_index" ON "claim_appearances" USING btree ("source_id","start","end");--> statement-breakpoint
CREATE INDEX "claims_case_id_index" ON "claims" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "claims_fingerprint_index" ON "claims" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "claims_assignee_id_index" ON "claims" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "evidence_links_claim_id_index" ON "evidence_links" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "evidence_links_incident_id_index" ON "evidence_links" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "sources_case_id_index" ON "sources" USING btree ("case_id");