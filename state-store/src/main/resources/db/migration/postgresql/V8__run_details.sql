-- scim-sync state store on PostgreSQL, schema 8: what a run's report says beyond its journal (see
-- db/migration/sqlite/V8).
CREATE TABLE run_details (
  run_id      bigint  NOT NULL PRIMARY KEY REFERENCES run (id),
  warnings    text    NOT NULL,
  withheld    text    NOT NULL,
  plan_text   text    NOT NULL
);
