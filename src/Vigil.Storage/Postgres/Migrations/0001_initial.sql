-- Vigil's PostgreSQL store, version 1. Times are timestamptz (UTC), kept to the millisecond as in the SQLite store.

-- One row per stored source (a pushed host's share is host:NAME/SOURCE), with its checkpoint and the counters that
-- status and the fleet read without scanning events (kept by each ingest, recounted after retention).
CREATE TABLE sources (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    checkpoint text,
    events bigint NOT NULL DEFAULT 0,
    first_time timestamptz,
    last_time timestamptz);

-- Events by day: one partition a day is created ahead of each ingest and dropped by retention; the default partition
-- takes dates far from the clock (a typo'd year never fails a batch). A unique key of a partitioned table must hold
-- the partition column, so the dedup key is (source, record key, time): every record key Vigil makes names one time.
-- Ordered (source, time, record key), the one index serves both the dedup and the reads of a source's time range.
CREATE TABLE events (
    source_id integer NOT NULL,
    record_key text NOT NULL,
    time timestamptz NOT NULL,
    level integer NOT NULL,
    event_id bigint NOT NULL,
    provider text NOT NULL,
    channel text NOT NULL,
    computer text NOT NULL,
    message text,
    PRIMARY KEY (source_id, time, record_key)
) PARTITION BY RANGE (time);
CREATE TABLE events_default PARTITION OF events DEFAULT;

CREATE TABLE runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    source text NOT NULL,
    range_start timestamptz NOT NULL,
    range_end timestamptz NOT NULL,
    started timestamptz NOT NULL,
    finished timestamptz,
    succeeded boolean,
    events bigint,
    hours integer,
    anomalies integer,
    message text);

-- One verdict per (scope, hour): scope is the set of sources scored together (VerdictScope).
CREATE TABLE hours (
    scope text NOT NULL,
    hour timestamptz NOT NULL,
    run_id bigint NOT NULL,
    total integer NOT NULL,
    errors integer NOT NULL,
    warnings integer NOT NULL,
    infos integer NOT NULL,
    score double precision NOT NULL,
    threshold double precision,
    severity integer NOT NULL DEFAULT 0,
    is_anomaly boolean NOT NULL,
    reasons text NOT NULL,
    model_id text NOT NULL DEFAULT '',
    suppressed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (scope, hour));

-- Who scores which (scope, hour) when several instances share the database; a lease that runs out frees the hour.
CREATE TABLE claims (
    scope text NOT NULL,
    hour timestamptz NOT NULL,
    instance text NOT NULL,
    expires timestamptz NOT NULL,
    done boolean NOT NULL DEFAULT false,
    PRIMARY KEY (scope, hour));

CREATE TABLE alert_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel text NOT NULL,
    source text NOT NULL,
    incident_id text NOT NULL,
    kind text NOT NULL,
    first_hour timestamptz NOT NULL,
    last_hour timestamptz NOT NULL,
    dedupe_key text NOT NULL,
    payload text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    created timestamptz NOT NULL,
    next_attempt timestamptz,
    sent timestamptz,
    last_error text,
    UNIQUE (channel, dedupe_key));
CREATE INDEX alert_outbox_due ON alert_outbox (status, next_attempt);
CREATE INDEX alert_outbox_by_source ON alert_outbox (source, id);
