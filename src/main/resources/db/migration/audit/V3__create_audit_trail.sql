-- The audit trail: one row per state change, written in the same transaction as the change.
-- A background appender links rows into a SHA-256 hash chain (chain_seq, prev_hash, hash) right
-- after they commit, so writers never queue on a global "previous hash".
create table audit_entry (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz  not null,
    actor            varchar(100) not null,
    actor_account_id bigint,
    source_ip        varchar(64),
    module           varchar(40)  not null,
    action           varchar(80)  not null,
    subject_type     varchar(60)  not null,
    subject_id       varchar(80)  not null,
    summary_before   jsonb        not null default '{}'::jsonb,
    summary_after    jsonb        not null default '{}'::jsonb,
    chain_seq        bigint       unique,
    prev_hash        char(64),
    hash             char(64)
);
create index audit_entry_unchained_idx on audit_entry (id) where chain_seq is null;
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);
create index audit_entry_actor_idx on audit_entry (actor, occurred_at);

-- Append-only: no deletes, no truncation, and the only update allowed is the appender filling in
-- the chain columns of a row that has none yet. (A superuser can still switch triggers off; the
-- hash chain is what catches that.)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'audit_entry is append-only';
    end if;
    if old.chain_seq is not null
       or new.id <> old.id or new.occurred_at <> old.occurred_at or new.actor <> old.actor
       or new.actor_account_id is distinct from old.actor_account_id
       or new.source_ip is distinct from old.source_ip or new.module <> old.module
       or new.action <> old.action or new.subject_type <> old.subject_type
       or new.subject_id <> old.subject_id or new.summary_before <> old.summary_before
       or new.summary_after <> old.summary_after then
        raise exception 'audit_entry is append-only';
    end if;
    return new;
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
