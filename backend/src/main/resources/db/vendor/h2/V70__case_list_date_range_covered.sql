-- Issue 17 (docs/adr/0068): PostgreSQL's month filter reads an index that holds the filters' and the default sort's
-- columns. H2 has no INCLUDE; the same columns as the key keep the two databases' indexes alike in purpose.
create index ix_ticket_received_cover on ticket (received_at, status, created_at, id);
drop index ix_ticket_received;
