CREATE TABLE "catalogue_entries" (
	"micro_credential_id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_slug" text NOT NULL,
	"institution_name" text NOT NULL,
	"institution_kind" text NOT NULL,
	"subject_slug" text NOT NULL,
	"kind" text NOT NULL,
	"provider_term" text NOT NULL,
	"scqf_level" smallint,
	"scqf_credits" smallint,
	"notional_hours" integer NOT NULL,
	"credit_size" text NOT NULL,
	"duration" text NOT NULL,
	"duration_label" text NOT NULL,
	"is_online" boolean NOT NULL,
	"is_hybrid" boolean NOT NULL,
	"is_in_person" boolean NOT NULL,
	"is_workplace" boolean NOT NULL,
	"price_band" text NOT NULL,
	"min_price_pence" integer,
	"is_funded" boolean NOT NULL,
	"is_stackable" boolean NOT NULL,
	"is_transferable" boolean NOT NULL,
	"next_starts_on" date,
	"published_at" timestamp with time zone NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_facet_totals" (
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "catalogue_facet_totals_facet_value_pk" PRIMARY KEY("facet","value")
);
--> statement-breakpoint
CREATE TABLE "catalogue_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region" text NOT NULL,
	"website" text,
	"summary" text NOT NULL,
	"code_prefix" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "institutions_code_prefix_unique" UNIQUE("code_prefix")
);
--> statement-breakpoint
CREATE TABLE "micro_credential_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"micro_credential_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"status" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"learning_outcomes" jsonb NOT NULL,
	"subject_slug" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"provider_term" text NOT NULL,
	"scqf_level" smallint,
	"scqf_credits" smallint,
	"notional_hours" integer NOT NULL,
	"duration_kind" text NOT NULL,
	"duration_amount" integer NOT NULL,
	"duration_unit" text NOT NULL,
	"assessment" text NOT NULL,
	"assessment_kind" text NOT NULL,
	"supervision" text NOT NULL,
	"identity_check" text NOT NULL,
	"prerequisites" text NOT NULL,
	"language" text NOT NULL,
	"qa_body" text NOT NULL,
	"qa_route" text NOT NULL,
	"qa_approved_on" date,
	"credit_rating_body" text,
	"recognition" text NOT NULL,
	"has_transcript" boolean NOT NULL,
	"transferability" text NOT NULL,
	"stackability" text NOT NULL,
	"counts_towards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accreditation" text,
	"next_review_on" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"published_version_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_credentials_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"micro_credential_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"enrol_by" date,
	"delivery_mode" text NOT NULL,
	"location" text,
	"synchronous_hours" integer DEFAULT 0 NOT NULL,
	"price_pence" integer NOT NULL,
	"fee_notes" text,
	"funding" text NOT NULL,
	"places" integer,
	"third_party_platform" text
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"slug" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"summary" text NOT NULL,
	"body" jsonb NOT NULL,
	"synonyms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"see_also" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"category" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "micro_credential_versions" ADD CONSTRAINT "micro_credential_versions_micro_credential_id_micro_credentials_id_fk" FOREIGN KEY ("micro_credential_id") REFERENCES "public"."micro_credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_credential_versions" ADD CONSTRAINT "micro_credential_versions_subject_slug_subjects_slug_fk" FOREIGN KEY ("subject_slug") REFERENCES "public"."subjects"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_credentials" ADD CONSTRAINT "micro_credentials_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_micro_credential_id_micro_credentials_id_fk" FOREIGN KEY ("micro_credential_id") REFERENCES "public"."micro_credentials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offerings" ADD CONSTRAINT "offerings_version_id_micro_credential_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."micro_credential_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_version_id_micro_credential_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."micro_credential_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_document" ON "catalogue_entries" USING gin ("document");--> statement-breakpoint
CREATE INDEX "catalogue_subject" ON "catalogue_entries" USING btree ("subject_slug");--> statement-breakpoint
CREATE INDEX "catalogue_credit_size" ON "catalogue_entries" USING btree ("credit_size");--> statement-breakpoint
CREATE INDEX "catalogue_duration" ON "catalogue_entries" USING btree ("duration");--> statement-breakpoint
CREATE INDEX "catalogue_price_band" ON "catalogue_entries" USING btree ("price_band");--> statement-breakpoint
CREATE INDEX "catalogue_institution_kind" ON "catalogue_entries" USING btree ("institution_kind");--> statement-breakpoint
CREATE INDEX "catalogue_kind" ON "catalogue_entries" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "catalogue_institution" ON "catalogue_entries" USING btree ("institution_slug");--> statement-breakpoint
CREATE INDEX "catalogue_level" ON "catalogue_entries" USING btree ("scqf_level");--> statement-breakpoint
CREATE INDEX "catalogue_next_start" ON "catalogue_entries" USING btree ("next_starts_on","title");--> statement-breakpoint
CREATE INDEX "catalogue_words_trigram" ON "catalogue_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "versions_number_unique" ON "micro_credential_versions" USING btree ("micro_credential_id","version_number");--> statement-breakpoint
CREATE INDEX "offerings_micro_credential" ON "offerings" USING btree ("micro_credential_id");--> statement-breakpoint
CREATE INDEX "partners_version" ON "partners" USING btree ("version_id");