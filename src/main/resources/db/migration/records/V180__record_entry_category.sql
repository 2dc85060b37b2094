-- The opinion category's code on a line about an opinion, so that the record shows the category in the
-- reader's language (the title keeps the Chinese name the line was written with). Lines written before
-- this have no code; they are shown by matching their title to a category's Chinese name.
alter table record_entry add column category varchar(40);
