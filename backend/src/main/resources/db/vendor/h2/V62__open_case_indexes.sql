-- Issue 17, a year of cases (docs/adr/0060). PostgreSQL gets partial indexes over the open cases here; H2 has none,
-- and its installations are small (demo, a single site), so only the running-clock index applies to it.
create index ix_board_clock_running on board_clock (ticket_id, state, due_at);
