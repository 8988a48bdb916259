-- Issue 17, a year of cases at 100,000 open cases (docs/adr/0066): the board's counts and its risk filter read every
-- open case's clock rows (board_clock) to learn whether the case is at risk or overdue now. What they need is kept on
-- the case by ticket.CacheClocks beside board_due (V67), from the same rows, so that the counts and filters read the
-- open cases' index only. Nothing here depends on the time: risk is still judged against the time of the query.
--   board_at_risk_at   the earliest instant a running clock turns at risk (min at_risk_at of the RUNNING rows)
--   board_risk_until   the latest deadline among the running clocks that can turn at risk (max due_at of those rows;
--                      null with board_at_risk_at set: one of them has no deadline, so no end)
--   board_paused_risk  the worst risk a held clock froze at: OVERDUE, AT_RISK, or null (none held, or all OK)
alter table ticket add column board_at_risk_at timestamp with time zone;
alter table ticket add column board_risk_until timestamp with time zone;
alter table ticket add column board_paused_risk varchar(20);
update ticket t set board_at_risk_at = r.at_risk_at, board_risk_until = r.risk_until, board_paused_risk = r.paused_risk
from (select ticket_id,
             min(at_risk_at) filter (where state = 'RUNNING') at_risk_at,
             case when bool_or(state = 'RUNNING' and at_risk_at is not null and due_at is null) then null
                  else max(due_at) filter (where state = 'RUNNING' and at_risk_at is not null) end risk_until,
             case when bool_or(state = 'PAUSED' and paused_risk = 'OVERDUE') then 'OVERDUE'
                  when bool_or(state = 'PAUSED' and paused_risk = 'AT_RISK') then 'AT_RISK' end paused_risk
      from board_clock group by ticket_id) r
where r.ticket_id = t.id;

-- The open cases in each of the board's orders, carrying what its filters and counts read, so that a page walks one
-- index and stops, and the counts and the risk/overdue filters are index-only scans (no clock rows, no heap):
-- remaining (default), level, ticket.
drop index ix_ticket_open_board;
create index ix_ticket_open_board on ticket (board_due nulls last, number)
    include (id, site_id, level_code, assignee, board_at_risk_at, board_risk_until, board_paused_risk) where status <> 'CLOSED';
create index ix_ticket_open_board_level on ticket (level_code nulls last, board_due nulls last, number)
    include (id, site_id, assignee, board_at_risk_at, board_risk_until, board_paused_risk) where status <> 'CLOSED';
create index ix_ticket_open_board_number on ticket (number)
    include (id, site_id, level_code, assignee, board_due, board_at_risk_at, board_risk_until, board_paused_risk)
    where status <> 'CLOSED';
