-- Spring Modulith's event publication log (created in V16) was never written to: the outbox a post sends to
-- headquarters is written in the record's own transaction (sync.outbox), and no listener runs after the commit.
-- The registry's starter is gone; its table goes too.
drop table if exists public.event_publication;
