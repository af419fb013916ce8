-- Stays, rules, rolling windows and extensions are granted for at most ten years at a time, as the
-- API says; the stay calculation counts days in int and keeps a bit per day of a rolling window.
alter table bordercontrol.stay_rule
    add constraint stay_rule_permitted_days_bound check (permitted_days <= 3650),
    add constraint stay_rule_window_days_bound check (window_days <= 3650);
alter table bordercontrol.visa
    add constraint visa_permitted_stay_days_bound check (permitted_stay_days <= 3650);
alter table bordercontrol.visa_extension
    add constraint visa_extension_extra_days_bound check (extra_days <= 3650);
