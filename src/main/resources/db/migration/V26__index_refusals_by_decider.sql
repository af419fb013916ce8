-- The second line lists a supervisor's own refusals of the last hours, with their notices: found by who decided.
create index decision_refused_by on bordercontrol.decision (decided_by, decided_at) where decision = 'REFUSED';
