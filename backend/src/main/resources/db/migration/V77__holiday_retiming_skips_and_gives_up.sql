-- ADR 0083: an owed re-timing no longer waits forever on what it cannot do.
-- attempts: the runs that began at the row's current cursor (the import's own run is the first; a batch that commits
-- starts the count again), so a batch that fails every time, or kills its node, is given up after a bounded number of
-- runs instead of being taken again after every lapsed claim; given_up_at and last_error say so to the admin's page
-- and to whoever reads the table.
alter table holiday_retiming add column attempts integer default 1 not null;
alter table holiday_retiming add column given_up_at timestamp with time zone;
alter table holiday_retiming add column last_error varchar(2000);

-- A case the re-timing could not move (its replay or its milestone failed on its own) is recorded here, in the
-- transaction that moves the cursor past it, and skipped: the rest of the year's cases are re-timed and the run
-- finishes; the working calendar's page lists the skipped cases still open so a supervisor checks them by hand.
create table holiday_retiming_skipped (
    retiming_id bigint not null references holiday_retiming (id),
    ticket_id   bigint not null references ticket (id),
    reason      varchar(2000) not null,
    skipped_at  timestamp with time zone not null,
    primary key (retiming_id, ticket_id)
);
