CREATE TABLE "issuance_job_items" (
	"job_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"result_id" uuid NOT NULL,
	"state" text NOT NULL,
	"credential_id" uuid,
	"problem" text,
	CONSTRAINT "issuance_job_items_job_id_position_pk" PRIMARY KEY("job_id","position")
);
--> statement-breakpoint
CREATE TABLE "issuance_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"state" text NOT NULL,
	"total" integer NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"lease_until" timestamp with time zone,
	"lease_owner" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "issued_credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"result_id" uuid,
	"result_fingerprint" text,
	"version_id" uuid,
	"micro_credential_id" uuid,
	"learner_email" text,
	"learner_name" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"signed_json" text NOT NULL,
	"key_id" uuid NOT NULL,
	"revocation_list_id" uuid,
	"revocation_index" integer,
	"suspension_list_id" uuid,
	"suspension_index" integer,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"suspended" boolean DEFAULT false NOT NULL,
	"suspension_reason" text,
	"claim_token_hash" text,
	"claim_expires_at" timestamp with time zone,
	"claimed_by_user_id" text,
	"claimed_at" timestamp with time zone,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"job_id" uuid,
	CONSTRAINT "issued_credentials_claim_token_hash_unique" UNIQUE("claim_token_hash")
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"public_key_multibase" text NOT NULL,
	"encrypted_secret" text NOT NULL,
	"kek_fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "issuer_keys_public_key_multibase_unique" UNIQUE("public_key_multibase")
);
--> statement-breakpoint
CREATE TABLE "learner_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"micro_credential_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"learner_email" text NOT NULL,
	"learner_name" text NOT NULL,
	"outcome" text NOT NULL,
	"mark" smallint,
	"grade" text,
	"diet" text NOT NULL,
	"completed_on" date NOT NULL,
	"fingerprint" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_entries" (
	"list_id" uuid NOT NULL,
	"entry_index" integer NOT NULL,
	"credential_id" uuid NOT NULL,
	CONSTRAINT "status_entries_list_id_entry_index_pk" PRIMARY KEY("list_id","entry_index")
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"length" integer NOT NULL,
	"bits" text NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"signed_credential" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issuance_job_items" ADD CONSTRAINT "issuance_job_items_job_id_issuance_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."issuance_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_entries" ADD CONSTRAINT "status_entries_list_id_status_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issuance_job_items_pending" ON "issuance_job_items" USING btree ("job_id","state","position");--> statement-breakpoint
CREATE INDEX "issued_credentials_institution" ON "issued_credentials" USING btree ("institution_id","issued_at");--> statement-breakpoint
CREATE INDEX "issued_credentials_learner" ON "issued_credentials" USING btree ("claimed_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_credentials_one_per_result" ON "issued_credentials" USING btree ("result_id","result_fingerprint") WHERE result_id is not null and revoked_at is null;--> statement-breakpoint
CREATE INDEX "issuer_keys_institution" ON "issuer_keys" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_active" ON "issuer_keys" USING btree ("institution_id") WHERE retired_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "learner_results_one_per_offering" ON "learner_results" USING btree ("offering_id","learner_email");--> statement-breakpoint
CREATE INDEX "learner_results_institution" ON "learner_results" USING btree ("institution_id","updated_at");--> statement-breakpoint
CREATE INDEX "status_lists_institution" ON "status_lists" USING btree ("institution_id","purpose");