CREATE TABLE "membership_grid_days" (
	"credited_id" uuid NOT NULL,
	"day" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"workers_met" integer DEFAULT 0 NOT NULL,
	"applications" integer DEFAULT 0 NOT NULL,
	"joined" integer DEFAULT 0 NOT NULL,
	"insured" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "membership_grid_days_credited_id_day_pk" PRIMARY KEY("credited_id","day")
);
--> statement-breakpoint
-- UNLOGGED (written by hand; drizzle-kit has no word for it): staged rows live seconds and need no WAL.
-- A crash empties the table; the commit then finds fewer rows than were accepted and fails the import.
CREATE UNLOGGED TABLE "membership_insurance_staging" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"name" varchar(32) NOT NULL,
	"phone" varchar(20),
	"resident_id_enc" text NOT NULL,
	"resident_id_hash" varchar(64) NOT NULL,
	"resident_id_head" varchar(4) NOT NULL,
	"resident_id_tail" varchar(4) NOT NULL,
	"sex" varchar(8) NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"scheme" varchar(24) NOT NULL,
	"insurer" varchar(64) NOT NULL,
	"policy_no" varchar(40),
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "membership_insurance_staging_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "registered_by_import" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "insured" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "people_registered_by_import_idx" ON "people" USING btree ("registered_by_import") WHERE "people"."registered_by_import" is not null;
--> statement-breakpoint
-- Written by hand from here: the grid's daily figures (membership_grid_days) and each stay's
-- `insured` follow every write of the rows they count, whichever path writes them (the services,
-- an import's bulk lane, the demo data). The figures triggers are FOR EACH STATEMENT with
-- transition tables: a bulk insert costs one grouped upsert, not one per row; an UPDATE counts
-- only the rows whose counted columns changed, so a decision on an application touches nothing.
-- The upsert goes in (credited_id, day) order, so two transactions lock shared rows in one order.
CREATE FUNCTION membership_china_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE
  AS $$ SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date $$;
--> statement-breakpoint
-- Whether a stay [first, last] of a person had cover on some day of it.
CREATE FUNCTION membership_stay_insured(person uuid, first date, last date) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM membership_insurance i
                       WHERE i.person_id = person AND i.ends_on >= first AND (last IS NULL OR i.starts_on <= last)) $$;
--> statement-breakpoint
-- Adds signed counts, already grouped by (credited_id, day), to the daily figures.
CREATE FUNCTION membership_grid_add(ids uuid[], days date[], visits int[], workers_met int[],
    applications int[], joined int[], insured int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO membership_grid_days AS g (credited_id, day, visits, workers_met, applications, joined, insured)
  SELECT * FROM unnest(ids, days, visits, workers_met, applications, joined, insured) ORDER BY 1, 2
  ON CONFLICT (credited_id, day) DO UPDATE SET
    visits = g.visits + excluded.visits,
    workers_met = g.workers_met + excluded.workers_met,
    applications = g.applications + excluded.applications,
    joined = g.joined + excluded.joined,
    insured = g.insured + excluded.insured
$$;
--> statement-breakpoint
-- Visits and workers met, by the visit's China day, to its organiser and its area.
CREATE FUNCTION membership_grid_visits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n, array_agg(w) w INTO r FROM (
      SELECT c.id, membership_china_day(v.visited_at) AS day, count(*)::int n, sum(v.workers_met)::int w
      FROM new_rows v CROSS JOIN LATERAL (VALUES (v.organiser_id), (v.area_id)) c(id)
      WHERE c.id IS NOT NULL GROUP BY 1, 2) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n, array_agg(w) w INTO r FROM (
      SELECT c.id, membership_china_day(v.visited_at) AS day, -count(*)::int n, -sum(v.workers_met)::int w
      FROM old_rows v CROSS JOIN LATERAL (VALUES (v.organiser_id), (v.area_id)) c(id)
      WHERE c.id IS NOT NULL GROUP BY 1, 2) x;
  ELSE
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n, array_agg(w) w INTO r FROM (
      SELECT c.id, membership_china_day(v.visited_at) AS day, sum(v.sign)::int n, sum(v.sign * v.workers_met)::int w
      FROM (SELECT 1 sign, n.* FROM new_rows n JOIN old_rows o USING (id)
              WHERE (n.organiser_id, n.area_id, n.visited_at, n.workers_met) IS DISTINCT FROM (o.organiser_id, o.area_id, o.visited_at, o.workers_met)
            UNION ALL
            SELECT -1 sign, o.* FROM old_rows o JOIN new_rows n USING (id)
              WHERE (n.organiser_id, n.area_id, n.visited_at, n.workers_met) IS DISTINCT FROM (o.organiser_id, o.area_id, o.visited_at, o.workers_met)) v
      CROSS JOIN LATERAL (VALUES (v.organiser_id), (v.area_id)) c(id)
      WHERE c.id IS NOT NULL GROUP BY 1, 2) x;
  END IF;
  IF r.ids IS NOT NULL THEN
    PERFORM membership_grid_add(r.ids, r.days, r.n, r.w, array_fill(0, ARRAY[cardinality(r.ids)]),
      array_fill(0, ARRAY[cardinality(r.ids)]), array_fill(0, ARRAY[cardinality(r.ids)]));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_visits_grid_insert AFTER INSERT ON membership_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_visits_changed();
--> statement-breakpoint
CREATE TRIGGER membership_visits_grid_update AFTER UPDATE ON membership_visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_visits_changed();
--> statement-breakpoint
CREATE TRIGGER membership_visits_grid_delete AFTER DELETE ON membership_visits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_visits_changed();
--> statement-breakpoint
-- Applications to join (not transfers), by the China day they arrived, to their organiser and area.
CREATE FUNCTION membership_grid_applications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n INTO r FROM (
      SELECT c.id, membership_china_day(a.created_at) AS day, count(*)::int n
      FROM new_rows a CROSS JOIN LATERAL (VALUES (a.organiser_id), (a.area_id)) c(id)
      WHERE c.id IS NOT NULL AND a.kind = 'join' GROUP BY 1, 2) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n INTO r FROM (
      SELECT c.id, membership_china_day(a.created_at) AS day, -count(*)::int n
      FROM old_rows a CROSS JOIN LATERAL (VALUES (a.organiser_id), (a.area_id)) c(id)
      WHERE c.id IS NOT NULL AND a.kind = 'join' GROUP BY 1, 2) x;
  ELSE
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(n) n INTO r FROM (
      SELECT c.id, membership_china_day(a.created_at) AS day, sum(a.sign)::int n
      FROM (SELECT 1 sign, n.* FROM new_rows n JOIN old_rows o USING (id)
              WHERE (n.organiser_id, n.area_id, n.created_at, n.kind) IS DISTINCT FROM (o.organiser_id, o.area_id, o.created_at, o.kind)
            UNION ALL
            SELECT -1 sign, o.* FROM old_rows o JOIN new_rows n USING (id)
              WHERE (n.organiser_id, n.area_id, n.created_at, n.kind) IS DISTINCT FROM (o.organiser_id, o.area_id, o.created_at, o.kind)) a
      CROSS JOIN LATERAL (VALUES (a.organiser_id), (a.area_id)) c(id)
      WHERE c.id IS NOT NULL AND a.kind = 'join' GROUP BY 1, 2) x;
  END IF;
  IF r.ids IS NOT NULL THEN
    PERFORM membership_grid_add(r.ids, r.days, array_fill(0, ARRAY[cardinality(r.ids)]),
      array_fill(0, ARRAY[cardinality(r.ids)]), r.n, array_fill(0, ARRAY[cardinality(r.ids)]),
      array_fill(0, ARRAY[cardinality(r.ids)]));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_applications_grid_insert AFTER INSERT ON membership_applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_applications_changed();
--> statement-breakpoint
CREATE TRIGGER membership_applications_grid_update AFTER UPDATE ON membership_applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_applications_changed();
--> statement-breakpoint
CREATE TRIGGER membership_applications_grid_delete AFTER DELETE ON membership_applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_applications_changed();
--> statement-breakpoint
-- A stay's `insured`, computed whenever its person or days are written.
CREATE FUNCTION membership_stay_set_insured() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.insured := membership_stay_insured(NEW.person_id, NEW.joined_on, NEW.ended_on);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_insured BEFORE INSERT OR UPDATE OF person_id, joined_on, ended_on ON memberships
  FOR EACH ROW EXECUTE FUNCTION membership_stay_set_insured();
--> statement-breakpoint
-- Joins (a stay that does not continue a transfer) by their first day, and those of them insured.
CREATE FUNCTION membership_grid_memberships_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(j) j, array_agg(i) i INTO r FROM (
      SELECT c.id, m.joined_on AS day, count(*)::int j, count(*) FILTER (WHERE m.insured)::int i
      FROM new_rows m CROSS JOIN LATERAL (VALUES (m.organiser_id), (m.area_id)) c(id)
      WHERE c.id IS NOT NULL AND m.previous_id IS NULL GROUP BY 1, 2) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(j) j, array_agg(i) i INTO r FROM (
      SELECT c.id, m.joined_on AS day, -count(*)::int j, -count(*) FILTER (WHERE m.insured)::int i
      FROM old_rows m CROSS JOIN LATERAL (VALUES (m.organiser_id), (m.area_id)) c(id)
      WHERE c.id IS NOT NULL AND m.previous_id IS NULL GROUP BY 1, 2) x;
  ELSE
    SELECT array_agg(id) ids, array_agg(day) days, array_agg(j) j, array_agg(i) i INTO r FROM (
      SELECT c.id, m.joined_on AS day, sum(m.sign)::int j, sum(m.sign) FILTER (WHERE m.insured)::int i
      FROM (SELECT 1 sign, n.* FROM new_rows n JOIN old_rows o USING (id)
              WHERE (n.organiser_id, n.area_id, n.joined_on, n.previous_id IS NULL, n.insured)
                IS DISTINCT FROM (o.organiser_id, o.area_id, o.joined_on, o.previous_id IS NULL, o.insured)
            UNION ALL
            SELECT -1 sign, o.* FROM old_rows o JOIN new_rows n USING (id)
              WHERE (n.organiser_id, n.area_id, n.joined_on, n.previous_id IS NULL, n.insured)
                IS DISTINCT FROM (o.organiser_id, o.area_id, o.joined_on, o.previous_id IS NULL, o.insured)) m
      CROSS JOIN LATERAL (VALUES (m.organiser_id), (m.area_id)) c(id)
      WHERE c.id IS NOT NULL AND m.previous_id IS NULL GROUP BY 1, 2) x;
  END IF;
  IF r.ids IS NOT NULL THEN
    PERFORM membership_grid_add(r.ids, r.days, array_fill(0, ARRAY[cardinality(r.ids)]),
      array_fill(0, ARRAY[cardinality(r.ids)]), array_fill(0, ARRAY[cardinality(r.ids)]), r.j,
      (SELECT array_agg(coalesce(v, 0)) FROM unnest(r.i) v));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER memberships_grid_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_grid_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_memberships_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_grid_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_grid_memberships_changed();
--> statement-breakpoint
-- A cover written or taken away: the stays of its people whose `insured` it changes follow (and,
-- through memberships' trigger, the figures). A new cover can only make a stay insured.
CREATE FUNCTION membership_insurance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE memberships m SET insured = true
    WHERE NOT m.insured AND m.person_id IN (SELECT person_id FROM new_rows)
      AND EXISTS (SELECT 1 FROM new_rows i WHERE i.person_id = m.person_id
      AND i.ends_on >= m.joined_on AND (m.ended_on IS NULL OR i.starts_on <= m.ended_on));
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE memberships m SET insured = false
    WHERE m.insured AND m.person_id IN (SELECT person_id FROM old_rows)
      AND NOT membership_stay_insured(m.person_id, m.joined_on, m.ended_on);
  ELSE
    UPDATE memberships m SET insured = membership_stay_insured(m.person_id, m.joined_on, m.ended_on)
    WHERE m.person_id IN (SELECT person_id FROM old_rows UNION SELECT person_id FROM new_rows)
      AND m.insured IS DISTINCT FROM membership_stay_insured(m.person_id, m.joined_on, m.ended_on);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_insurance_insert AFTER INSERT ON membership_insurance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_insurance_changed();
--> statement-breakpoint
CREATE TRIGGER membership_insurance_update AFTER UPDATE ON membership_insurance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_insurance_changed();
--> statement-breakpoint
CREATE TRIGGER membership_insurance_delete AFTER DELETE ON membership_insurance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_insurance_changed();
--> statement-breakpoint
-- Recounts every stay's `insured` and the daily figures from the rows: for the rows written before
-- this migration, and after a bulk load written with triggers off (the benchmark's province).
CREATE FUNCTION membership_grid_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Setting `insured` fires the figures' UPDATE trigger; the figures are recounted just after.
  UPDATE memberships SET insured = membership_stay_insured(person_id, joined_on, ended_on)
    WHERE insured IS DISTINCT FROM membership_stay_insured(person_id, joined_on, ended_on);
  DELETE FROM membership_grid_days;
  INSERT INTO membership_grid_days (credited_id, day, visits, workers_met, applications, joined, insured)
  SELECT c.id, d.day, sum(d.visits), sum(d.workers_met), sum(d.applications), sum(d.joined), sum(d.insured)
  FROM (
    SELECT organiser_id, area_id, membership_china_day(visited_at) AS day, 1 AS visits, workers_met,
      0 AS applications, 0 AS joined, 0 AS insured
      FROM membership_visits
    UNION ALL
    SELECT organiser_id, area_id, membership_china_day(created_at), 0, 0, 1, 0, 0
      FROM membership_applications WHERE kind = 'join'
    UNION ALL
    SELECT organiser_id, area_id, joined_on, 0, 0, 0, 1, insured::int
      FROM memberships WHERE previous_id IS NULL
  ) d CROSS JOIN LATERAL (VALUES (d.organiser_id), (d.area_id)) c(id)
  WHERE c.id IS NOT NULL
  GROUP BY 1, 2;
END $$;
--> statement-breakpoint
SELECT membership_grid_rebuild();
