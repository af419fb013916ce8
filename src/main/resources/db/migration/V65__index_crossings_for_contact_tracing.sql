-- Contact tracing reads the register by transport and by place and time: the crossings that shared a flight, bus,
-- vehicle or vessel on a day, those at a border point within hours of one, and the entries from countries under an
-- outbreak alert. Indexes on the partitioned parent reach every monthly partition (V61), those made later too.

-- A transport reference as tracing compares it: upper case, without spaces or dashes ('ba-123' is 'BA 123').
-- TravelContactReads writes the same expression, so that the planner matches it to this index.
create index crossing_transport_day on bordercontrol.crossing (upper(translate(transport_reference, ' -', '')), occurred_at)
    where transport_reference is not null;

-- Arrivals by a transport that set out from a country, by time; and the few that passed through others.
create index crossing_origin_time on bordercontrol.crossing (transport_origin, occurred_at)
    where transport_origin is not null;
create index crossing_via_time on bordercontrol.crossing (occurred_at) where transport_via is not null;

-- Corrections that move a crossing in place or time: a crossing corrected into a border point or an hour is found
-- there as well as where it was first recorded.
create index crossing_amendment_moved_to on bordercontrol.crossing_amendment (border_point, occurred_at)
    where kind = 'CORRECTION' and (border_point is not null or occurred_at is not null);
create index crossing_amendment_moved_when on bordercontrol.crossing_amendment (occurred_at)
    where kind = 'CORRECTION' and occurred_at is not null;
