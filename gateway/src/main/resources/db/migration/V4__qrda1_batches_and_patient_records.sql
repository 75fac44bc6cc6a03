-- A QRDA I document or zip of them: who sent it, its hash (sent again, it is answered with the first batch),
-- what reading it came to, per measure how many patients it contributes, and the results computed with the
-- claims logic (informational: not scored).
create table qrda1_batch (
  id                   uuid primary key,
  received_at          timestamptz not null default now(),
  submitter            text not null,
  format               text not null,
  sha256               text not null,
  byte_size            bigint not null,
  counts               jsonb not null,
  patients_per_measure jsonb not null,
  results              jsonb not null,
  problems             jsonb not null,
  unique (submitter, sha256)
);

-- One patient's data from one QRDA I document, attributed to the clinician (TIN, NPI) who performed the care.
create table patient_record (
  id               bigserial primary key,
  batch_id         uuid not null references qrda1_batch (id),
  document_name    text not null,
  tin              text not null,
  npi              text not null,
  performance_year int not null,
  program_name     text not null,
  patient_id       text not null,
  birth_date       date not null,
  sex              text not null,
  measure_ids      jsonb not null,
  entries          jsonb not null
);
create index patient_record_clinician on patient_record (tin, npi, performance_year);
