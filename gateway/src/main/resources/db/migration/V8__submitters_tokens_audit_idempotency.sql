-- Submitters: organisations (registries, QCDRs, EHR vendors, practices, APM entities), what each may submit and read
-- for, their API tokens, what they did, and the answers of their idempotent requests.

create table organization (
  id         text primary key,
  created_at timestamptz not null default now()
);

-- What an organisation may submit and read for: a TIN (its clinicians, its group, its subgroups), an APM entity, a
-- virtual group.
create table organization_entity (
  organization_id text not null references organization (id) on delete cascade,
  kind            text not null check (kind in ('tin', 'apm', 'virtualGroup')),
  value           text not null,
  granted_at      timestamptz not null default now(),
  primary key (organization_id, kind, value)
);

-- Tokens are random (256 bits) and stored only as a keyed hash; the secret is shown once, when created.
create table api_token (
  id              uuid primary key,
  organization_id text not null references organization (id),
  secret_hash     bytea not null unique,
  scopes          text[] not null,
  description     text,
  created_at      timestamptz not null default now(),
  created_by      text not null,
  expires_at      timestamptz,
  revoked_at      timestamptz
);
create index api_token_organization on api_token (organization_id);

-- Who did what when: submitted, read, administered. Method, route and resource ids only: never patient data.
create table audit_event (
  id              bigserial primary key,
  at              timestamptz not null default clock_timestamp(),
  organization_id text not null,
  token_id        uuid,
  action          text not null check (action in ('submit', 'read', 'administer')),
  method          text not null,
  path            text not null,
  resource        text,
  status          int not null
);
create index audit_event_organization on audit_event (organization_id, at);
create index audit_event_at on audit_event (at);

-- Idempotency-Key: the first answer to a key, replayed to a retry with the same body; kept at least a day.
create table idempotency_key (
  organization_id text not null,
  key             text not null,
  request_hash    text not null,
  state           text not null check (state in ('running', 'done')),
  status          int,
  content_type    text,
  location        text,
  body            bytea,
  created_at      timestamptz not null default now(),
  primary key (organization_id, key)
);
create index idempotency_key_created on idempotency_key (created_at);
