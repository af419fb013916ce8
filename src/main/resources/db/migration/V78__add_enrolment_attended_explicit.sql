-- Whether a participant's attendance was set by hand (the trainer's word, or a roster file's column); when not, it
-- follows the attendance grid: attended when present on at least 80 % of the session's days.
alter table capacity.enrolment add column attended_explicit boolean not null default false;
