-- What the operator told Vigil, shared by every instance on this database (on SQLite each instance keeps its own, in
-- its file): maintenance windows, kinds accepted as normal, hours called false alarms, and the incidents. Times are
-- timestamptz (UTC, to the millisecond) as everywhere in this store.
CREATE TABLE maintenance_windows (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_time timestamptz NOT NULL,
    to_time timestamptz NOT NULL,
    reason text,
    added timestamptz NOT NULL,
    host text); -- NULL: every host; else the one host whose scopes it suppresses

CREATE TABLE accepted_kinds (
    kind text PRIMARY KEY,
    added timestamptz NOT NULL);

-- host '' is every host (the false alarm joins every scope's training), else one host's name as HostSource spells it.
CREATE TABLE false_alarms (
    hour timestamptz NOT NULL,
    host text NOT NULL DEFAULT '',
    note text,
    added timestamptz NOT NULL,
    PRIMARY KEY (hour, host));

-- One row per incident (id: its first hour and a short hash of its source); a run upserts the incidents it touched.
CREATE TABLE incidents (
    id text PRIMARY KEY,
    source text NOT NULL,
    first_hour timestamptz NOT NULL,
    last_hour timestamptz NOT NULL,
    resolved boolean NOT NULL,
    severity integer NOT NULL,
    hours integer NOT NULL,
    summary text,
    model_id text,
    pages integer NOT NULL,
    opened timestamptz NOT NULL,
    updated timestamptz NOT NULL,
    resolved_at timestamptz,
    acknowledged timestamptz,
    acknowledged_note text);
CREATE INDEX incidents_by_source ON incidents (source, last_hour);
