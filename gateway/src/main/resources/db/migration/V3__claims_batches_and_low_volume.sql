-- A claims file: who sent it, its hash (the same file sent again is answered with the first batch, not stored
-- twice), what reading it came to. The raw file is not kept: what it was turned into is, per clinician.
create table claims_batch (
  id               uuid primary key,
  received_at      timestamptz not null default now(),
  submitter        text not null,
  format           text not null,
  sha256           text not null,
  byte_size        bigint not null,
  performance_year int not null,
  counts           jsonb not null,
  problems         jsonb not null,
  unique (submitter, sha256)
);

-- The measurement sets computed from a claims file are ordinary submissions that name their batch.
alter table submission add column claims_batch_id uuid references claims_batch (id);

-- Part B volume per clinician (npi '' for the group) and year, from each claims batch or a supplied file; history
-- is kept, the newest row per clinician, year and source is current.
create table low_volume (
  id               bigserial primary key,
  tin              text not null,
  npi              text not null,
  performance_year int not null,
  source           text not null,
  claims_batch_id  uuid references claims_batch (id),
  allowed_charges  numeric(16, 2),
  beneficiaries    bigint not null,
  covered_services bigint not null,
  status           text,
  explanation      text not null,
  computed_at      timestamptz not null default clock_timestamp()
);
create index low_volume_clinician on low_volume (tin, npi, performance_year, computed_at desc);
