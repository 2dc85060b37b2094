-- A grassroots legislative contact point (基层立法联系点, issue 18) is a liaison site of its own type.
alter table liaison_site drop constraint liaison_site_type_check;
alter table liaison_site add constraint liaison_site_type_check check (type in ('PROFESSIONAL_HOME', 'STATION', 'AREA_ROOM',
    'PARK_ROOM', 'RURAL_POINT', 'ECON_OBSERVATION', 'PROFESSIONAL_POINT', 'MOBILE', 'LEGISLATIVE_POINT'));
