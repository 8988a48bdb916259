-- ADR 0086: the working calendar's page says why a case was skipped or a re-timing given up, in the reader's language,
-- and an admin can re-time a skipped case again once its cause is mended.
-- reason_code / last_error_code: what kind of failure it was (calendar.RetimingFailure), chosen from the exception when
-- it happened; the page words the code, the English error text stays in reason / last_error and the log. Rows written
-- before this have no code: the page says the cause was not classified.
alter table holiday_retiming_skipped add column reason_code varchar(40);
alter table holiday_retiming add column last_error_code varchar(40);
-- A skipped case re-timed by an admin (calendar.RetimeSkippedCase): set once, by a conditional update, so two clicks
-- at once re-time it once; such a row is no longer listed.
alter table holiday_retiming_skipped add column resolved_at timestamp with time zone;
alter table holiday_retiming_skipped add column resolved_by varchar(100);
