-- Issue 17, a year of cases (docs/adr/0060): the board, its counts, the reassign picker's workloads and the clock
-- sweep read only the open cases, a tenth of the table after a year. "status <> 'CLOSED'" cannot use an ordinary
-- index (ix_ticket_status), so each of them read the whole table (31 MB at 100,000 cases, 300 MB at a million).
-- Partial indexes hold the open cases only; this file exists per database because H2 has no partial indexes.

-- every open case with what the board filters, orders and joins by: index-only scans for the matching count, the
-- board's page, the level counts and the open jobs per engineer
create index ix_ticket_open on ticket (id) include (site_id, level_code, assignee, number) where status <> 'CLOSED';

-- the running clocks of a case: the board orders by the nearest running deadline (min due_at per case)
create index ix_board_clock_running on board_clock (ticket_id, due_at) where state = 'RUNNING';

-- CacheMissingClocks' sweep (every minute): the open cases never cached, not every closed case from before V55
create index ix_ticket_clocks_uncached_open on ticket (id) where clocks_cached_at is null and status <> 'CLOSED';
drop index ix_ticket_clocks_uncached;
