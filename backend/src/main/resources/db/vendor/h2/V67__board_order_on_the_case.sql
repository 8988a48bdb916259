-- Issue 17, a year of cases (docs/adr/0064): the board's order (the nearest running deadline) kept on the case by
-- ticket.CacheClocks. PostgreSQL also gets a partial index over the open cases in board order; H2 has no partial
-- indexes and its installations are small, so it gets the column only.
alter table ticket add column board_due timestamp with time zone;
update ticket t set board_due = (select min(c.due_at) from board_clock c where c.ticket_id = t.id and c.state = 'RUNNING')
where t.id in (select ticket_id from board_clock where state = 'RUNNING');
