-- One key per scored entity: type|tin|npi|entityId ('' where the type has none). Generated, so every writer of
-- submission rows gets it without knowing it exists.
alter table submission add column entity_key text generated always as
  (entity_type || '|' || coalesce(tin, '') || '|' || coalesce(npi, '') || '|' || coalesce(entity_id, '')) stored;
create index submission_entity_key on submission (performance_year, entity_key, received_at);

-- The merged MIPS score of an entity for a year, versioned: every re-scoring after new data (or new parameters)
-- adds a version; the highest version is current and the older ones are the history.
create table entity_score (
  id                  bigserial primary key,
  entity_key          text not null,
  entity_type         text not null,
  tin                 text not null,
  npi                 text not null,
  entity_id           text not null,
  performance_year    int not null,
  version             int not null,
  computed_at         timestamptz not null default clock_timestamp(),
  reason              text not null,
  rescore_job_id      uuid,
  status              text not null,
  final_score         double precision,
  adjustment          double precision,
  quality_achievement double precision,
  tree                bytea not null,
  tree_length         int not null,
  unique (entity_key, performance_year, version)
);
-- The tree is the UTF-8 JSON compressed by the gateway (an LZ4 block; tree_length is the JSON's length, see
-- storage/TreeCodec): a year's re-score writes hundreds of thousands of them, and PostgreSQL's own compression of
-- json cost more than the scoring. Already compressed, so PostgreSQL does not try again.
alter table entity_score alter column tree set storage external;

-- What CMS supplies per clinician (npi '' for a group) and year: special statuses, bonuses, low-volume opt-in, APM
-- participation with its QP threshold scores, and cost measure values. Newest row per clinician is current.
create table eligibility (
  id                    bigserial primary key,
  tin                   text not null,
  npi                   text not null,
  performance_year      int not null,
  received_at           timestamptz not null default clock_timestamp(),
  submitter             text not null,
  small_practice        boolean not null,
  rural                 boolean not null,
  hpsa                  boolean not null,
  non_patient_facing    boolean not null,
  complex_patient_bonus double precision not null,
  low_volume_opt_in     boolean not null,
  apm_entity_id         text,
  advanced_apm          boolean not null,
  qp_payment_percent    numeric(7, 3),
  qp_patient_percent    numeric(7, 3),
  cost                  jsonb not null
);
create index eligibility_clinician on eligibility (performance_year, tin, npi, id desc);

-- Year-wide scoring parameters CMS sets after the fact; a re-score job may change them.
create table scoring_parameters (
  performance_year    int primary key,
  scaling_factor      double precision not null,
  exceptional_scaling double precision not null,
  updated_at          timestamptz not null default clock_timestamp()
);

-- Background re-scoring of every entity of a year, with its progress.
create table rescore_job (
  id               uuid primary key,
  performance_year int not null,
  requested_by     text not null,
  requested_at     timestamptz not null default clock_timestamp(),
  started_at       timestamptz,
  finished_at      timestamptz,
  state            text not null check (state in ('queued', 'running', 'done', 'failed')),
  total            int,
  done             int not null default 0,
  failed           int not null default 0,
  skipped          int not null default 0,
  parameters       jsonb not null,
  error            text
);
-- One active job per year: two would race to write versions of the same entities.
create unique index rescore_job_active on rescore_job (performance_year) where state in ('queued', 'running');
