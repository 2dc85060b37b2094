-- Issue 14, item 3: the public forms' token buckets and the sign-in throttle's windows live here, not
-- in each node's memory, so that N nodes allow the limit once, not N times. One row per limit and key,
-- changed by one atomic INSERT ... ON CONFLICT DO UPDATE per request; rows past expires_at hold
-- nothing a fresh bucket would not (a full bucket, a closed window) and are purged on a schedule.
create table rate_limit_bucket (
    limit_name  varchar(100)     not null,
    bucket_key  varchar(300)     not null,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    taken       boolean          not null,
    expires_at  timestamptz      not null,
    primary key (limit_name, bucket_key)
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);

create table sign_in_failure_window (
    address      varchar(100) primary key,
    window_start timestamptz  not null,
    failures     int          not null,
    expires_at   timestamptz  not null
);
create index sign_in_failure_window_expires_idx on sign_in_failure_window (expires_at);
