-- Issue 17, a year of cases at a million (docs/adr/0068): "an engineer's cases, newest first" (the ticket list's
-- assignee filter in its default order) walked the list's created-time index and skipped the other engineers' cases
-- until it had a page: fine for a busy engineer (6,000 rows), but for one with few or no cases (a new hire, a name
-- typed by the desk) the walk read all million cases: 1.8 s in psql, and p95 1.0 s over HTTP for a random engineer.
-- The assignee's own cases in that order are one index range; the plain assignee index had the same first column.
create index ix_ticket_assignee_created on ticket (assignee, created_at desc nulls last, id desc);
drop index ix_ticket_assignee;
