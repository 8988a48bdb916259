-- Issue 17, a year of cases at 100,000 open cases (docs/adr/0066): what the board's counts and risk filter need, kept
-- on the case by ticket.CacheClocks beside board_due (V67). The PostgreSQL file adds partial indexes over the open
-- cases in the board's orders; H2 has no partial indexes and its installations are small, so it gets the columns only.
--   board_at_risk_at   the earliest instant a running clock turns at risk (min at_risk_at of the RUNNING rows)
--   board_risk_until   the latest deadline among the running clocks that can turn at risk (null: one has no deadline)
--   board_paused_risk  the worst risk a held clock froze at: OVERDUE, AT_RISK, or null
alter table ticket add column board_at_risk_at timestamp with time zone;
alter table ticket add column board_risk_until timestamp with time zone;
alter table ticket add column board_paused_risk varchar(20);
update ticket t set
    board_at_risk_at = (select min(c.at_risk_at) from board_clock c where c.ticket_id = t.id and c.state = 'RUNNING'),
    board_risk_until = case when exists (select 1 from board_clock c where c.ticket_id = t.id and c.state = 'RUNNING'
                                and c.at_risk_at is not null and c.due_at is null) then null
                       else (select max(c.due_at) from board_clock c where c.ticket_id = t.id and c.state = 'RUNNING'
                                and c.at_risk_at is not null) end,
    board_paused_risk = case when exists (select 1 from board_clock c where c.ticket_id = t.id and c.state = 'PAUSED'
                                 and c.paused_risk = 'OVERDUE') then 'OVERDUE'
                        when exists (select 1 from board_clock c where c.ticket_id = t.id and c.state = 'PAUSED'
                                 and c.paused_risk = 'AT_RISK') then 'AT_RISK' end
where t.id in (select ticket_id from board_clock);
