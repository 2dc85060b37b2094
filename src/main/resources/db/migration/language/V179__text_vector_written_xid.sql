-- The transaction that wrote each vector (issue 17). A vector's computed_at is its transaction's start, so
-- another node's batch that started before this node's newest vector but committed after this node had read
-- past it was never read by this node: its index lacked the vector for good. Each node now remembers the
-- database snapshot of its last read and reads next what that snapshot could not see: every transaction then
-- in progress or started since, whenever it commits. Rows written before this migration have none; they are
-- read by computed_at on an index's first opening, as before.
alter table text_vector add column written_xid xid8;
alter table text_vector alter column written_xid set default pg_current_xact_id();
create index text_vector_written_idx on text_vector (kind, model, written_xid, source_id);
