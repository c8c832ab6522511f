-- One verdict per (scope, hour, model), as SQLite schema 3: a model scoring an hour again replaces its own verdict,
-- another model's verdict on the hour stays as the audit trail of what was decided and why. The current verdict of an
-- hour is the one of its newest run. Every stored verdict stays as it was.
ALTER TABLE hours DROP CONSTRAINT hours_pkey;
ALTER TABLE hours ADD PRIMARY KEY (scope, hour, model_id);
