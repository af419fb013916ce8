-- A contact-tracing manifest shows, for each crossing on it, where its traveller's follow-up stands: the latest
-- contact under any alert. Found by crossing, newest first.
create index follow_up_crossing on health.follow_up (crossing_id, contacted_at desc);
