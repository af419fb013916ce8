-- At a post: the digest of the health set (diseases, alerts and rules) last applied from headquarters, so that
-- headquarters sends the set again only when it changed.
alter table sync.feed_state add column health_digest text;
