-- scim-sync state store, schema 8: what a run's report says beyond its journal — the plan's
-- warnings, the changes a safety guard withheld, the plan's text (cut at 200,000 characters) — for
-- the status page and the history of runs made by any process. Directory entries and target
-- answers only, never a secret.
CREATE TABLE run_details (
  run_id      INTEGER NOT NULL PRIMARY KEY REFERENCES run (id),
  warnings    TEXT    NOT NULL,
  withheld    TEXT    NOT NULL,
  plan_text   TEXT    NOT NULL
);
