-- The chain becomes keyed: every row linked from now on is sealed with HMAC-SHA256 under a key
-- that lives outside the database (civicloop.audit.key, or <data-dir>/secrets/audit.key), so
-- someone who can write to the database can no longer compute a valid hash for a forged row.
--
-- Rows linked before this migration keep their plain SHA-256 hashes and are verified as such:
-- keyed_from is the first position sealed with the key. They stay protected all the same, because
-- the first keyed row's HMAC covers the last plain row's hash: re-sealing any earlier row changes
-- that hash and breaks the keyed link. On a new database keyed_from is 1 (every row keyed).
--
-- key_check is HMAC(key, "civicloop audit key check"), filled in by the application at its first
-- start with the key; a node configured with another key then refuses to link rows instead of
-- sealing a chain nobody else can verify. It says nothing about the key itself.
create table audit_chain_epoch (
    id          smallint     primary key default 1 check (id = 1),
    keyed_from  bigint       not null,
    algorithm   varchar(20)  not null default 'HMAC-SHA256',
    key_check   char(64),
    started_at  timestamptz  not null default now()
);
insert into audit_chain_epoch (keyed_from) select coalesce(max(chain_seq), 0) + 1 from audit_entry;

create function audit_chain_epoch_fixed() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.id <> old.id or new.keyed_from <> old.keyed_from
       or new.algorithm <> old.algorithm or new.started_at <> old.started_at
       or (old.key_check is not null and new.key_check is distinct from old.key_check) then
        raise exception 'audit_chain_epoch is fixed once written';
    end if;
    return new;
end;
$$;
create trigger audit_chain_epoch_fixed before update or delete on audit_chain_epoch
    for each row execute function audit_chain_epoch_fixed();
create trigger audit_chain_epoch_no_truncate before truncate on audit_chain_epoch
    for each statement execute function audit_chain_epoch_fixed();
