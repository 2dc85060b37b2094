-- Same-matter clusters (issue 17): opinions that raise the same concrete matter at the same place,
-- found automatically from their sentence vectors and places, per district. A cluster is a read model
-- that can be rebuilt; merging by the office (opinion.duplicate_of) stays the office's own decision.
create table opinion_cluster (
    id            bigint generated always as identity primary key,
    district_code varchar(12)  not null,
    -- the opinion that best stands for the matter (its text heads the cluster)
    lead_opinion  bigint       not null,
    size          integer      not null default 1,
    first_at      timestamptz  not null,
    last_at       timestamptz  not null,
    updated_at    timestamptz  not null default now()
);
create index opinion_cluster_recent_idx on opinion_cluster (district_code, last_at desc);

create table opinion_cluster_member (
    opinion_id  bigint       primary key,
    cluster_id  bigint       not null references opinion_cluster (id) on delete cascade,
    similarity  real         not null,
    joined_at   timestamptz  not null default now()
);
create index opinion_cluster_member_cluster_idx on opinion_cluster_member (cluster_id);
