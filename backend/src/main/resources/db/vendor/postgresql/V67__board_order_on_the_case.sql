-- Issue 17, a year of cases at 100,000 open cases (docs/adr/0064): the supervisor board's default order is the nearest
-- deadline of a case's running clocks, then the case number. Ranked from board_clock (min(due_at) per case) every
-- page read and sorted every open case. ticket.CacheClocks now keeps that deadline on the case (board_due, beside the
-- due times it already keeps), and an index over the open cases in board order lets a page stop after its rows.
-- This file exists per database because the index is partial (open cases only) on PostgreSQL.
alter table ticket add column board_due timestamp with time zone;
update ticket t set board_due = (select min(c.due_at) from board_clock c where c.ticket_id = t.id and c.state = 'RUNNING')
where t.id in (select ticket_id from board_clock where state = 'RUNNING');
create index ix_ticket_open_board on ticket (board_due nulls last, number) include (site_id, level_code, assignee)
    where status <> 'CLOSED';
