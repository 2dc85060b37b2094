-- What a partner such as FixMyStreet sends instead of attribute[place_code]: coordinates and the
-- address as typed. Kept beside the request (this module's table, not the opinion's), so staff and
-- a later map can see where the voter stood; the opinion keeps the place found from the address.
alter table open311_request
    add column lat            numeric(9, 6) check (lat between -90 and 90),
    add column long           numeric(9, 6) check (long between -180 and 180),
    add column address_string varchar(500);
