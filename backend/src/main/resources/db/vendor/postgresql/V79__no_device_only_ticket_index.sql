-- Every new case writes an entry into each index of ticket, twice (its insert and its update at the end of the
-- report, ADR 0088). ix_ticket_device (device_id) is the leading column of ix_ticket_device_category_closed (V68):
-- on PostgreSQL that index answers every question by device, and a foreign key needs no index of its own here.
-- H2 keeps it: H2 holds the foreign key device_id on it (V68's note).
drop index if exists ix_ticket_device;
