-- A draft is registered, its split corrected by the office, then opened to the public: only an opened draft
-- is shown on the public pages and takes comments (within its window). Null: not opened yet.
alter table legislation_draft add column opened_at timestamptz;
