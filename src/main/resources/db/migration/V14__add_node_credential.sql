-- A node id belongs to the credential that first presented it: another credential sending under it is
-- refused, so that no post can move another's acknowledged seq. Rows from before are bound at their
-- node's next batch.
alter table sync.node_progress add column username text;
