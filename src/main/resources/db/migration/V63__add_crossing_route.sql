-- Where an arrival comes from: the country a flight, ship, bus or vehicle set out from, the countries it passed
-- through on the way (ICAO codes), and the countries the traveller declares having been in lately with the day they
-- left ([{"country": "COD", "left": "2026-11-20"}]). Health screening rules look at them; a land border's neighbouring
-- country is known from the border point and is not repeated here. Nullable and without a default, so adding
-- them to the partitioned table rewrites nothing, and a post one release behind keeps recording without them.
alter table bordercontrol.crossing
    add column transport_origin varchar(3) check (transport_origin ~ '^[A-Z][A-Z<]{2}$'),
    add column transport_via    varchar(3)[] check (cardinality(transport_via) <= 10),
    add column visited          jsonb check (jsonb_typeof(visited) = 'array');
