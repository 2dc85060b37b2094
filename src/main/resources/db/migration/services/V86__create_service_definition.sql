-- The catalogue of combined services (一件事): every save of a definition is a new version; the
-- highest version is the one offered to applicants, and applications keep the version they were
-- made under. A definition is kept whole, as the JSON document the administrator wrote or imported.
create table service_definition (
    code        text        not null,
    version     integer     not null check (version > 0),
    name        text        not null,
    body        jsonb       not null,
    saved_by    bigint,
    saved_at    timestamptz not null,
    withdrawn   boolean     not null default false,
    primary key (code, version)
);

-- A version once saved is never changed: only its withdrawal flag may move.
create function service_definition_frozen() returns trigger language plpgsql as $$
begin
    if new.code <> old.code or new.version <> old.version or new.body <> old.body
            or new.name <> old.name or new.saved_at <> old.saved_at then
        raise exception 'service definition % version % is frozen', old.code, old.version;
    end if;
    return new;
end $$;

create trigger service_definition_frozen before update on service_definition
    for each row execute function service_definition_frozen();
