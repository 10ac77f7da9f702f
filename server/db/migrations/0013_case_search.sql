-- The case list's search: any part of a case number, a name or a phone (ILIKE '%…%' under a trigram index).
-- pg_trgm is a trusted extension (PostgreSQL 13+: the database owner may create it); PGlite loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing cases, as server/modules/disputes/search-text.ts writes new ones: the number and its digits, the worker on
-- file, and the names, contacts and phones (with their digits) of the worker, employer, respondent, construction
-- chain, representatives and parties in the facts.
UPDATE "dispute_cases" c SET "search_text" = left(s.text, 4000)
FROM (
  SELECT d.id, concat_ws(' ',
    d.case_number,
    regexp_replace(d.case_number, '\D', '', 'g'),
    p.name,
    p.phone,
    (SELECT string_agg(concat_ws(' ',
        x->>'name',
        x->>'contactName',
        x->>'phone',
        nullif(nullif(regexp_replace(coalesce(x->>'phone', ''), '\D', '', 'g'), ''), x->>'phone'),
        x->>'contactPhone',
        nullif(nullif(regexp_replace(coalesce(x->>'contactPhone', ''), '\D', '', 'g'), ''), x->>'contactPhone')
      ), ' ')
      FROM (
        SELECT d.facts->'worker' AS x
        UNION ALL SELECT d.facts->'employer'
        UNION ALL SELECT d.facts->'respondent'
        UNION ALL SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(d.facts->'construction'->'parties') = 'array'
          THEN d.facts->'construction'->'parties' ELSE '[]'::jsonb END)
        UNION ALL SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(d.facts->'representatives') = 'array'
          THEN d.facts->'representatives' ELSE '[]'::jsonb END)
        UNION ALL SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(d.facts->'parties') = 'array'
          THEN d.facts->'parties' ELSE '[]'::jsonb END)
      ) parts
      WHERE jsonb_typeof(x) = 'object')
  ) AS text
  FROM "dispute_cases" d
  LEFT JOIN "people" p ON p.id = d.worker_person_id
) s
WHERE s.id = c.id;--> statement-breakpoint
CREATE INDEX "dispute_cases_search_idx" ON "dispute_cases" USING gin ("search_text" gin_trgm_ops);
