-- The liaison reception (接待) an opinion was heard at, when the recorder named one (the capture page's
-- ?reception=<id>). No foreign key: receptions belong to the liaison module, which opinions reads only
-- through its public face. Null for opinions heard anywhere else.
alter table opinion_reception add column reception_id bigint;
create index opinion_reception_reception_idx on opinion_reception (reception_id) where reception_id is not null;
