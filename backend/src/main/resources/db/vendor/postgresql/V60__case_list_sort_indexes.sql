-- Issue 17, a year of cases (docs/adr/0059): the ticket list's page walks the index of its default sort (newest
-- first, as SearchCases writes it: "desc nulls last, id desc") and stops after a page, instead of reading and sorting
-- every matching case; the open cases (a tenth of a year) have their own, which also answers the overdue filter's
-- count from the index (the due and done columns are included).
create index ix_ticket_created_desc on ticket (created_at desc nulls last, id desc);
create index ix_ticket_open_created_desc on ticket (created_at desc nulls last, id desc)
    include (response_due, responded_at, resolution_due, resolved_at) where status <> 'CLOSED';
