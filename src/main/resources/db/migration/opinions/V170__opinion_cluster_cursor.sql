-- Hot spots (issue 17, item 6): how far the background assignment of opinions to same-matter clusters
-- (opinion_cluster, V151) has come. Opinions are taken in id order; the cursor moves in the same
-- transaction as each opinion's membership, so a run killed half-way resumes where it stopped and a
-- rerun changes nothing.
create table opinion_cluster_cursor (
    name        varchar(30)  primary key,
    last_id     bigint       not null,
    updated_at  timestamptz  not null default now()
);
insert into opinion_cluster_cursor (name, last_id) values ('hotspots', 0);
