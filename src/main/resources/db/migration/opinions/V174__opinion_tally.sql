-- Issue 14: the opinions ledger's counts, maintained instead of counted by scanning every opinion per page.
--
-- opinion_tally: per month (in the configured time zone) and per dimension (channel, category, unit: the
-- unit of the opinion's newest work order, '' for none), how many opinions, how many closed, how many
-- rated satisfied or basically satisfied, how many rated at all.
-- opinion_tallied: what each opinion currently contributes to it, so that a change is counted as the
-- difference between its new contribution and this one.
-- opinion_tally_change: the opinions changed since the counts were last brought up to date. Triggers
-- append to it (one small insert per change, no shared row to wait on); OpinionTally consumes it in the
-- background, and the ledger adds what is still waiting in it, so its counts are exact at every moment.
create table opinion_tally (
    month      date        not null,
    dimension  varchar(10) not null,
    key        varchar(30) not null,
    total      bigint      not null,
    closed     bigint      not null,
    satisfied  bigint      not null,
    rated      bigint      not null,
    primary key (month, dimension, key)
);

create table opinion_tallied (
    opinion_id bigint      primary key,
    month      date        not null,
    channel    varchar(20) not null,
    category   varchar(30) not null,
    unit_id    bigint      not null, -- 0: no work order
    closed     boolean     not null,
    satisfied  boolean     not null,
    rated      boolean     not null
);

create table opinion_tally_change (
    opinion_id bigint not null
);

create function opinion_tally_opinion_changed() returns trigger language plpgsql as $$
begin
    insert into opinion_tally_change (opinion_id) values (coalesce(new.id, old.id));
    return null;
end $$;

create function opinion_tally_work_order_changed() returns trigger language plpgsql as $$
begin
    insert into opinion_tally_change (opinion_id) values (coalesce(new.opinion_id, old.opinion_id));
    if tg_op = 'UPDATE' and new.opinion_id <> old.opinion_id then
        insert into opinion_tally_change (opinion_id) values (old.opinion_id);
    end if;
    return null;
end $$;

create trigger opinion_tally_added after insert or delete on opinion
    for each row execute function opinion_tally_opinion_changed();
create trigger opinion_tally_updated after update on opinion
    for each row when (old.status is distinct from new.status or old.rating is distinct from new.rating
                       or old.category is distinct from new.category or old.channel is distinct from new.channel
                       or old.submitted_at is distinct from new.submitted_at)
    execute function opinion_tally_opinion_changed();
create trigger work_order_tally_added after insert or delete on work_order
    for each row execute function opinion_tally_work_order_changed();
create trigger work_order_tally_updated after update on work_order
    for each row when (old.unit_id is distinct from new.unit_id or old.round is distinct from new.round
                       or old.opinion_id is distinct from new.opinion_id)
    execute function opinion_tally_work_order_changed();

-- every opinion stored so far is counted by the first background run
insert into opinion_tally_change (opinion_id) select id from opinion;
