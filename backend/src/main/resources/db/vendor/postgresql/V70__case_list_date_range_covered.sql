-- Issue 17, a year of cases at a million (docs/adr/0068): the ticket list filtered to a month ("reported between", on
-- received_at) and sorted by another column (created time by default) had to read every case of the month from the
-- table to sort and count them: 82,000 heap rows for a June of a million-case year, 0.40 s for the page and 0.24 s
-- for the count. With the filters' and the default sort's columns in the index, both read the index alone
-- (index-only scans: 0.09 s and 0.06 s measured at load 13). The plain received_at index it replaces had the same key.
create index ix_ticket_received_cover on ticket (received_at)
    include (status, created_at, id, level_code, channel, assignee);
drop index ix_ticket_received;
