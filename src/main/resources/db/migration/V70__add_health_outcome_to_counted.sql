-- Flows by health outcome: the cell a crossing is counted in, and the changes waiting to be folded, carry what its
-- health part came to (CLEARED, SECONDARY, REFERRED, ISOLATED; NONE for a crossing never screened for health).
-- Crossings counted before health screenings existed were never screened, so NONE is what they are. The default
-- stays, so that a writer that does not know the column yet (a load driver, a release behind) still counts right.
alter table statistics.counted add column health_outcome text not null default 'NONE';
alter table statistics.flow_change add column health_outcome text not null default 'NONE';
