-- The decisions that supersede a decision, found by index: taking a decision out (as the crossing partition maker
-- does for a moment, to move a month's crossings out of the default partition, V61) has the database look for a
-- decision superseding it, which without this index reads every decision for each one taken out. Partial: most
-- decisions are a crossing's first and supersede nothing.
create index decision_supersedes on bordercontrol.decision (supersedes) where supersedes is not null;
