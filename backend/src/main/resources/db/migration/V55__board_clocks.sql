-- Issue 17 (a year of cases): the supervisor board filters, sorts, pages and counts in the database
-- (docs/adr/0056-a-year-of-cases.md). Each open case's live clocks are kept here by the escalation model's
-- evaluation (ticket.CacheClocks), the same step that keeps the list's due-time columns; what depends only on the
-- time passing (at risk, overdue) is read against the time of the query, so nothing has to rewrite these rows
-- when a deadline passes.
create table board_clock (
    ticket_id         bigint not null references ticket(id),
    clock             varchar(30) not null,
    -- RUNNING (also when only the business calendar stops it: due_at is then the deadline it will reach) or PAUSED (a hold)
    state             varchar(20) not null,
    due_at            timestamp with time zone,
    -- when the running clock turns at risk; null: never (no early rung)
    at_risk_at        timestamp with time zone,
    -- a paused clock's risk and counted time left, frozen until it resumes
    paused_risk       varchar(20),
    paused_remaining  bigint,
    escalation_level  integer not null,
    constraint pk_board_clock primary key (ticket_id, clock)
);
create index ix_board_clock_due on board_clock (clock, due_at);

-- When the clocks of this ticket were last cached; null: never (cases from before V55 are filled in at start)
alter table ticket add column clocks_cached_at timestamp with time zone;

-- the board's and the lists' filters over open cases
create index ix_ticket_level_status on ticket (level_code, status);
create index ix_ticket_clocks_uncached on ticket (clocks_cached_at);
