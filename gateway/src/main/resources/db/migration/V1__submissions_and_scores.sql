-- Accepted submissions: the raw document exactly as received, its normalised form (QPP JSON), who sent it,
-- and whether the scoring verticle has scored it yet (pending rows are picked up again after a restart).
create table submission (
  id               uuid primary key,
  received_at      timestamptz not null default now(),
  submitter        text not null,
  format           text not null,
  content_type     text not null,
  entity_type      text not null,
  tin              text,
  npi              text,
  entity_id        text,
  performance_year int not null,
  document         bytea not null,
  normalised       jsonb not null,
  warnings         jsonb not null,
  scoring_status   text not null default 'pending' check (scoring_status in ('pending', 'scored'))
);
create index submission_entity on submission (tin, npi, performance_year);
create index submission_pending on submission (received_at) where scoring_status = 'pending';

create table measurement_set (
  id                uuid primary key,
  submission_id     uuid not null references submission (id) on delete cascade,
  ordinal           int not null,
  category          text not null,
  submission_method text not null,
  program_name      text not null,
  performance_start date,
  performance_end   date,
  cehrt_id          text,
  unique (submission_id, ordinal)
);

create table measurement (
  measurement_set_id uuid not null references measurement_set (id) on delete cascade,
  ordinal            int not null,
  measure_id         text not null,
  value              jsonb not null,
  primary key (measurement_set_id, ordinal)
);
create index measurement_measure on measurement (measure_id);

-- Score trees, versioned: every scoring run adds a row, the newest per submission is current.
create table score (
  id               bigserial primary key,
  submission_id    uuid not null references submission (id) on delete cascade,
  tin              text,
  npi              text,
  entity_id        text,
  performance_year int not null,
  computed_at      timestamptz not null default clock_timestamp(),
  total            double precision,
  tree             jsonb not null
);
create index score_entity on score (tin, performance_year, npi);
create index score_submission on score (submission_id, computed_at desc);
