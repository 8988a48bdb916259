-- Issue 15, "find anything" (docs/adr/0034). H2 is the single-node and test database: search there reads the
-- columns with LIKE (no full-text index needed at its sizes). PostgreSQL gets bigram GIN indexes in
-- db/vendor/postgresql/V34__search.sql; both files are version 34 and each database sees only its own.
create index ix_ticket_device on ticket(device_id);
create index ix_ticket_received on ticket(received_at);
