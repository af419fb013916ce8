-- The border point of the crossing a hit came from, so that the hits queue shows each supervisor
-- the hits of their own jurisdiction. Hits stored before this have none and are shown to
-- national accounts only.
alter table screening.hit add column border_point char(3);
create index hit_border_point on screening.hit (border_point);
