-- A contact-tracing manifest at a busy border point looks at every crossing there within hours of the index case:
-- at Zurbatiyah on an Arbaeen day some 26,000 within two hours either side. Their ids and times, read from this index
-- alone (the crossings of settled months are all-visible after vacuum), give the nearest and their total without
-- reading 26,000 rows; only those shown are read. On the partitioned parent, so every monthly partition has it.
create index crossing_point_time_id on bordercontrol.crossing (border_point, occurred_at) include (id);

-- A manifest shows, for each crossing on it, where its traveller's follow-up stands: the latest contact under any
-- alert. Found by crossing, newest first.
create index follow_up_crossing on health.follow_up (crossing_id, contacted_at desc);
