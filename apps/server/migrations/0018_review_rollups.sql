ALTER TABLE "review_actions" ADD COLUMN "effect_status" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "green_gaps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "amber_gaps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "red_gaps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "reviews_subject_held_idx" ON "reviews" USING btree ("subject_kind","subject_id","held_on") WHERE archived_at is null;--> statement-breakpoint
-- Step 5's rollups, kept here in the transaction of every write that changes them (the service, the demo,
-- a restore): each review's gaps counted by status, and each improvement action's effect, the status of
-- its KPI at the subject's next review (null while there is none, or the KPI has no gap there), as the
-- review page reads it.
CREATE FUNCTION review_gap_counts_refresh(p_reviews uuid[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE reviews r SET green_gaps = c.green, amber_gaps = c.amber, red_gaps = c.red
    FROM (SELECT v.id,
                 (count(g.id) FILTER (WHERE g.status = 'green'))::int AS green,
                 (count(g.id) FILTER (WHERE g.status = 'amber'))::int AS amber,
                 (count(g.id) FILTER (WHERE g.status = 'red'))::int AS red
            FROM reviews v LEFT JOIN review_gaps g ON g.review_id = v.id
           WHERE v.id = ANY (p_reviews)
           GROUP BY v.id) c
   WHERE r.id = c.id AND (r.green_gaps, r.amber_gaps, r.red_gaps) IS DISTINCT FROM (c.green, c.amber, c.red) $$;
--> statement-breakpoint
-- Re-reads the effect of every improvement action of some subjects (accounts, KAMs, teams).
CREATE FUNCTION review_effects_refresh(p_subjects uuid[]) RETURNS void
  LANGUAGE sql AS $$
  UPDATE review_actions x SET effect_status = e.status
    FROM (SELECT a.id,
                 (SELECT g.status
                    FROM (SELECT n.id FROM reviews n
                           WHERE n.subject_kind = r.subject_kind AND n.subject_id = r.subject_id
                             AND n.archived_at IS NULL AND n.held_on > r.held_on
                           ORDER BY n.held_on, n.id LIMIT 1) nx
                    JOIN review_gaps g ON g.review_id = nx.id AND g.kpi_id = a.kpi_id) AS status
            FROM review_actions a JOIN reviews r ON r.id = a.review_id
           WHERE r.subject_id = ANY (p_subjects)) e
   WHERE x.id = e.id AND x.effect_status IS DISTINCT FROM e.status $$;
--> statement-breakpoint
CREATE FUNCTION review_gaps_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v_reviews uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT review_id) INTO v_reviews FROM gaps_new;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT review_id) INTO v_reviews FROM gaps_old;
  ELSE
    SELECT array_agg(DISTINCT t.review_id) INTO v_reviews
      FROM (SELECT review_id FROM gaps_old UNION SELECT review_id FROM gaps_new) t;
  END IF;
  IF v_reviews IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM review_gap_counts_refresh(v_reviews);
  PERFORM review_effects_refresh(ARRAY(SELECT DISTINCT r.subject_id FROM reviews r WHERE r.id = ANY (v_reviews)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_gaps_insert AFTER INSERT ON review_gaps
  REFERENCING NEW TABLE AS gaps_new FOR EACH STATEMENT EXECUTE FUNCTION review_gaps_changed();
--> statement-breakpoint
CREATE TRIGGER review_gaps_delete AFTER DELETE ON review_gaps
  REFERENCING OLD TABLE AS gaps_old FOR EACH STATEMENT EXECUTE FUNCTION review_gaps_changed();
--> statement-breakpoint
CREATE TRIGGER review_gaps_update AFTER UPDATE ON review_gaps
  REFERENCING OLD TABLE AS gaps_old NEW TABLE AS gaps_new FOR EACH STATEMENT EXECUTE FUNCTION review_gaps_changed();
--> statement-breakpoint
-- A review moved in time, archived or restored changes which review comes next for its subject's actions;
-- an action given another KPI or review reads its effect again.
CREATE FUNCTION review_subject_touched() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'reviews' THEN
    PERFORM review_effects_refresh(ARRAY[OLD.subject_id, NEW.subject_id]);
  ELSE
    PERFORM review_effects_refresh(ARRAY(SELECT r.subject_id FROM reviews r WHERE r.id IN (NEW.review_id, OLD.review_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reviews_subject_touched AFTER UPDATE OF subject_kind, subject_id, held_on, archived_at ON reviews
  FOR EACH ROW EXECUTE FUNCTION review_subject_touched();
--> statement-breakpoint
CREATE TRIGGER review_actions_kpi_set AFTER UPDATE OF kpi_id, review_id ON review_actions
  FOR EACH ROW EXECUTE FUNCTION review_subject_touched();
--> statement-breakpoint
CREATE FUNCTION review_actions_added() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM review_effects_refresh(ARRAY(SELECT DISTINCT r.subject_id FROM reviews r WHERE r.id IN (SELECT review_id FROM actions_new)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_actions_insert AFTER INSERT ON review_actions
  REFERENCING NEW TABLE AS actions_new FOR EACH STATEMENT EXECUTE FUNCTION review_actions_added();
--> statement-breakpoint
SELECT review_gap_counts_refresh(ARRAY(SELECT id FROM reviews));
--> statement-breakpoint
SELECT review_effects_refresh(ARRAY(SELECT DISTINCT subject_id FROM reviews));
