-- A report asks for its device's case closed last and its recent failures (warranty assessment, RR-5/RR-6, ADR 0057);
-- PostgreSQL does not index a foreign key by itself, so without this every report read the whole ticket table.
create index ix_ticket_device on ticket (device_id, received_at);
