-- The scoring outbox: one task per accepted submission, written in the same transaction as the submission, so an
-- acknowledged submission always has its task. Scorers claim a task with a lease (FOR UPDATE SKIP LOCKED picks one no
-- other gateway holds), and delete it in the transaction that stores the scores, so each task is applied once however
-- many gateways share the database; a gateway that dies holding a lease leaves the task to whoever comes after the
-- lease ends.
create table scoring_task (
  submission_id    uuid primary key references submission (id) on delete cascade,
  entity_key       text not null,
  performance_year int not null,
  enqueued_at      timestamptz not null default clock_timestamp(),
  attempts         int not null default 0,
  not_before       timestamptz not null default clock_timestamp(),
  claimed_by       uuid,
  claimed_until    timestamptz
);
create index scoring_task_due on scoring_task (attempts, enqueued_at);

insert into scoring_task (submission_id, entity_key, performance_year, attempts)
  select id, entity_key, performance_year, scoring_attempts from submission where scoring_status = 'pending';

-- The SHA-256 of a document as received: the same document from the same submitter is recognised, not stored twice.
-- Null for the sets a claims file computes (their batch is recognised by its own hash).
alter table submission add column sha256 text;
create unique index submission_document on submission (submitter, sha256) where sha256 is not null;

-- An eligibility file, recognised by its hash when its submitter sends it again; its rows name it.
create table eligibility_file (
  id          uuid primary key,
  received_at timestamptz not null default now(),
  submitter   text not null,
  sha256      text not null,
  byte_size   bigint not null,
  row_count   int not null,
  unique (submitter, sha256)
);
alter table eligibility add column file_id uuid references eligibility_file (id);
