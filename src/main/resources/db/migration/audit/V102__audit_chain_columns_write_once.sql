-- Chain columns are written once. A new row arrives unchained; the appender fills chain_seq,
-- prev_hash and hash together, exactly once; after that nothing in the row changes and the chain
-- columns can never be cleared again (clearing them was how a re-seal was prepared). A superuser
-- can still switch triggers off: the keyed hash and the checkpoint file outside the database are
-- what catch that.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'audit_entry is append-only';
    end if;
    if tg_op = 'INSERT' then
        if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null then
            raise exception 'audit_entry is append-only: a new row arrives unchained';
        end if;
        return new;
    end if;
    if old.chain_seq is not null or old.prev_hash is not null or old.hash is not null then
        raise exception 'audit_entry is append-only: chain columns are written once and never cleared';
    end if;
    if new.chain_seq is null or new.hash is null then
        raise exception 'audit_entry is append-only: chain columns are written together';
    end if;
    if new.id <> old.id or new.occurred_at <> old.occurred_at or new.actor <> old.actor
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
create trigger audit_entry_unchained_insert before insert on audit_entry
    for each row execute function audit_entry_append_only();
