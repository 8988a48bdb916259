-- Issue 17 (docs/adr/0059): the ticket list's default sort as an index; H2 has no partial indexes, so the open
-- cases' index of the PostgreSQL version is left out (the demo's and tests' H2 databases are small).
create index ix_ticket_created_desc on ticket (created_at desc nulls last, id desc);
