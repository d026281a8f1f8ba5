CREATE TABLE "analysis_cells" (
	"run_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"industry" text,
	"province" text,
	"tier" text NOT NULL,
	"abc" text NOT NULL,
	"band" smallint NOT NULL,
	"accounts" integer NOT NULL,
	"revenue" bigint NOT NULL,
	"margin" bigint NOT NULL,
	"at_risk" integer NOT NULL,
	"at_risk_revenue" bigint NOT NULL,
	"moved_up" integer NOT NULL,
	"moved_down" integer NOT NULL,
	"single_threaded" integer NOT NULL,
	"decision_uncovered" integer NOT NULL,
	CONSTRAINT "analysis_cells_key" UNIQUE NULLS NOT DISTINCT("run_id","org_unit_id","industry","province","tier","abc","band")
);
--> statement-breakpoint
DROP INDEX "accounts_org_unit_idx";--> statement-breakpoint
ALTER TABLE "analysis_cells" ADD CONSTRAINT "analysis_cells_run_id_analysis_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analysis_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_archived_idx" ON "accounts" USING btree ("id") WHERE archived_at is not null;--> statement-breakpoint
CREATE INDEX "analysis_results_run_churn_idx" ON "analysis_results" USING btree ("run_id","churn_risk","account_id");--> statement-breakpoint
CREATE INDEX "analysis_results_run_revenue_idx" ON "analysis_results" USING btree ("run_id","revenue" DESC NULLS FIRST,"account_id");--> statement-breakpoint
CREATE INDEX "needs_open_idx" ON "needs" USING btree ("account_id","band") WHERE archived_at is null and status in ('open', 'planned', 'in_progress');--> statement-breakpoint
CREATE INDEX "review_gaps_review_status_idx" ON "review_gaps" USING btree ("review_id","kpi_id","status");--> statement-breakpoint
CREATE INDEX "account_plans_live_idx" ON "account_plans" USING btree ("id","account_id") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "plan_actions_open_due_idx" ON "plan_actions" USING btree ("due_date","plan_id") WHERE archived_at is null and status in ('not_started', 'in_progress');--> statement-breakpoint
CREATE INDEX "tasks_open_kind_idx" ON "tasks" USING btree ("kind","account_id","due_date","snoozed_until") WHERE status in ('open', 'snoozed') and archived_at is null;--> statement-breakpoint
CREATE INDEX "accounts_org_unit_idx" ON "accounts" USING btree ("org_unit_id","id","archived_at","owner_id","industry","province");
--> statement-breakpoint
-- The map's per-run aggregates (analysis_cells) are kept here, in the transaction of every write that
-- changes them, so that a run, a tier override, an import or a restore cannot leave them behind.
-- A result's revenue band: 16 a decade, monotonic in revenue, so a Pareto curve read from the bands
-- passes through the exact points at their edges; zero and negative revenue share band 0.
CREATE FUNCTION analysis_revenue_band(revenue bigint) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ select case when revenue > 0 then (floor(16 * log(revenue::float8)) + 1)::smallint else 0::smallint end $$;
--> statement-breakpoint
-- A key account's contacts of strength >= 3 and the decision makers or economic buyers among them (the
-- rule of the account list's `coverage` filter); other tiers are not counted and read no contacts.
CREATE FUNCTION analysis_contact_coverage(p_account uuid, p_tier text) RETURNS TABLE (strong int, deciders int)
  LANGUAGE sql STABLE
  AS $$ select count(*)::int, (count(*) filter (where cg.decision_role in ('decision_maker', 'economic_buyer')))::int
          from contacts cg
         where p_tier in ('strategic', 'core') and cg.account_id = p_account
           and cg.archived_at is null and cg.relationship_strength >= 3 $$;
--> statement-breakpoint
-- Recounts a run's cells of some org units from its results and the accounts as they are now.
CREATE FUNCTION analysis_cells_refresh(p_run uuid, p_units uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_threshold int;
  v_previous uuid;
BEGIN
  SELECT coalesce((c.config #>> '{churn,alertThreshold}')::int, 60), r.previous_run_id INTO v_threshold, v_previous
    FROM analysis_runs r JOIN analysis_configs c ON c.version = r.config_version WHERE r.id = p_run;
  DELETE FROM analysis_cells c WHERE c.run_id = p_run AND c.org_unit_id = ANY (p_units);
  INSERT INTO analysis_cells (run_id, org_unit_id, industry, province, tier, abc, band, accounts, revenue, margin,
                              at_risk, at_risk_revenue, moved_up, moved_down, single_threaded, decision_uncovered)
  SELECT res.run_id, a.org_unit_id, a.industry, a.province, res.tier, res.abc, analysis_revenue_band(res.revenue),
         count(*), sum(res.revenue), sum(res.margin),
         count(*) FILTER (WHERE res.churn_risk >= v_threshold),
         coalesce(sum(res.revenue) FILTER (WHERE res.churn_risk >= v_threshold), 0),
         count(*) FILTER (WHERE (CASE res.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 ELSE 1 END)
                              > (CASE prev.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 WHEN 'general' THEN 1 END)),
         count(*) FILTER (WHERE (CASE res.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 ELSE 1 END)
                              < (CASE prev.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 WHEN 'general' THEN 1 END)),
         count(*) FILTER (WHERE res.tier IN ('strategic', 'core') AND cov.strong <= 1),
         count(*) FILTER (WHERE res.tier IN ('strategic', 'core') AND cov.deciders = 0)
    FROM analysis_results res
    JOIN accounts a ON a.id = res.account_id AND a.archived_at IS NULL AND a.org_unit_id = ANY (p_units)
    LEFT JOIN analysis_results prev ON prev.run_id = v_previous AND prev.account_id = res.account_id
    CROSS JOIN LATERAL analysis_contact_coverage(res.account_id, res.tier) cov
   WHERE res.run_id = p_run
   GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;
--> statement-breakpoint
-- The runs the map reads: the latest finished one and any still running.
CREATE FUNCTION analysis_cells_refresh_current(p_units uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  x record;
BEGIN
  IF p_units IS NULL THEN
    RETURN;
  END IF;
  FOR x IN SELECT r.id FROM analysis_runs r
            WHERE r.status = 'running'
               OR r.id = (SELECT d.id FROM analysis_runs d WHERE d.status = 'done' ORDER BY d.as_of DESC, d.started_at DESC LIMIT 1) LOOP
    PERFORM analysis_cells_refresh(x.id, p_units);
  END LOOP;
END $$;
--> statement-breakpoint
-- New results (a run writes them in batches) are added to their cells; a run that compares itself
-- against theirs (only when results are restored out of order) is recounted where they fall.
CREATE FUNCTION analysis_cells_add() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  x record;
BEGIN
  INSERT INTO analysis_cells AS c (run_id, org_unit_id, industry, province, tier, abc, band, accounts, revenue, margin,
                                   at_risk, at_risk_revenue, moved_up, moved_down, single_threaded, decision_uncovered)
  SELECT n.run_id, a.org_unit_id, a.industry, a.province, n.tier, n.abc, analysis_revenue_band(n.revenue),
         count(*), sum(n.revenue), sum(n.margin),
         count(*) FILTER (WHERE n.churn_risk >= run.threshold),
         coalesce(sum(n.revenue) FILTER (WHERE n.churn_risk >= run.threshold), 0),
         count(*) FILTER (WHERE (CASE n.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 ELSE 1 END)
                              > (CASE prev.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 WHEN 'general' THEN 1 END)),
         count(*) FILTER (WHERE (CASE n.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 ELSE 1 END)
                              < (CASE prev.tier WHEN 'strategic' THEN 3 WHEN 'core' THEN 2 WHEN 'general' THEN 1 END)),
         count(*) FILTER (WHERE n.tier IN ('strategic', 'core') AND cov.strong <= 1),
         count(*) FILTER (WHERE n.tier IN ('strategic', 'core') AND cov.deciders = 0)
    FROM added n
    JOIN (SELECT r.id, r.previous_run_id, coalesce((cf.config #>> '{churn,alertThreshold}')::int, 60) AS threshold
            FROM analysis_runs r JOIN analysis_configs cf ON cf.version = r.config_version) run ON run.id = n.run_id
    JOIN accounts a ON a.id = n.account_id AND a.archived_at IS NULL
    LEFT JOIN analysis_results prev ON prev.run_id = run.previous_run_id AND prev.account_id = n.account_id
    CROSS JOIN LATERAL analysis_contact_coverage(n.account_id, n.tier) cov
   GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ON CONSTRAINT analysis_cells_key DO UPDATE
     SET accounts = c.accounts + excluded.accounts, revenue = c.revenue + excluded.revenue,
         margin = c.margin + excluded.margin, at_risk = c.at_risk + excluded.at_risk,
         at_risk_revenue = c.at_risk_revenue + excluded.at_risk_revenue,
         moved_up = c.moved_up + excluded.moved_up, moved_down = c.moved_down + excluded.moved_down,
         single_threaded = c.single_threaded + excluded.single_threaded,
         decision_uncovered = c.decision_uncovered + excluded.decision_uncovered;
  FOR x IN SELECT r.id, array_agg(DISTINCT a.org_unit_id) AS units
             FROM added n JOIN analysis_runs r ON r.previous_run_id = n.run_id JOIN accounts a ON a.id = n.account_id
            GROUP BY r.id LOOP
    PERFORM analysis_cells_refresh(x.id, x.units);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Changed or removed results (a tier override, a correction): their runs, and the runs that compare
-- against them, are recounted in the org units the rows belong to.
CREATE FUNCTION analysis_cells_recount() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  x record;
BEGIN
  FOR x IN SELECT r.id, array_agg(DISTINCT a.org_unit_id) AS units
             FROM changed ch JOIN analysis_runs r ON r.id = ch.run_id OR r.previous_run_id = ch.run_id
             JOIN accounts a ON a.id = ch.account_id
            GROUP BY r.id LOOP
    PERFORM analysis_cells_refresh(x.id, x.units);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An account that moves org unit, changes industry or province, or is archived or restored: the cells
-- of the runs the map reads are recounted in its old and new org units. Older runs keep the dimensions
-- (and the coverage) their accounts had while they were the latest.
CREATE FUNCTION analysis_cells_account_moved() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v_units uuid[];
BEGIN
  SELECT array_agg(DISTINCT u.id) INTO v_units
    FROM moved_old o JOIN moved_new n ON n.id = o.id
   CROSS JOIN LATERAL (VALUES (o.org_unit_id), (n.org_unit_id)) u(id)
   WHERE (o.org_unit_id, o.industry, o.province, o.archived_at IS NULL)
         IS DISTINCT FROM (n.org_unit_id, n.industry, n.province, n.archived_at IS NULL);
  PERFORM analysis_cells_refresh_current(v_units);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Contacts added or removed: the coverage of their accounts' org units is recounted.
CREATE FUNCTION analysis_cells_contacts_touched() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analysis_cells_refresh_current(
    (SELECT array_agg(DISTINCT a.org_unit_id) FROM touched t JOIN accounts a ON a.id = t.account_id
      WHERE t.archived_at IS NULL AND t.relationship_strength >= 3));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Contacts changed: only a change of account, strength, role or archive can change coverage.
CREATE FUNCTION analysis_cells_contacts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analysis_cells_refresh_current(
    (SELECT array_agg(DISTINCT a.org_unit_id)
       FROM touched_old o JOIN touched_new n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.account_id), (n.account_id)) t(account_id)
       JOIN accounts a ON a.id = t.account_id
      WHERE (o.account_id, o.relationship_strength >= 3, o.decision_role, o.archived_at IS NULL)
            IS DISTINCT FROM (n.account_id, n.relationship_strength >= 3, n.decision_role, n.archived_at IS NULL)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analysis_cells_add AFTER INSERT ON analysis_results
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_add();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_update AFTER UPDATE ON analysis_results
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_recount();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_delete AFTER DELETE ON analysis_results
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_recount();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_account_moved AFTER UPDATE ON accounts
  REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_account_moved();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_contacts_insert AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_contacts_touched();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_contacts_delete AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_contacts_touched();
--> statement-breakpoint
CREATE TRIGGER analysis_cells_contacts_update AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS touched_old NEW TABLE AS touched_new FOR EACH STATEMENT EXECUTE FUNCTION analysis_cells_contacts_changed();
--> statement-breakpoint
-- the runs already stored
SELECT analysis_cells_refresh(r.id, array(SELECT u.id FROM org_units u)) FROM analysis_runs r;
