-- A submission whose scoring keeps failing (say, its year's catalog is gone after a configuration change) must
-- not be retried forever nor crowd out new ones: count the attempts and park it as 'failed' after a few.
alter table submission add column scoring_attempts int not null default 0;
alter table submission drop constraint submission_scoring_status_check;
alter table submission add constraint submission_scoring_status_check
  check (scoring_status in ('pending', 'scored', 'failed'));
drop index submission_pending;
create index submission_pending on submission (scoring_attempts, received_at) where scoring_status = 'pending';
