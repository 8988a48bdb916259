-- Issue 15: a supervisor's action on several cases at once, remembered by its Idempotency-Key with each row's
-- outcome, so a double click or a retry answers with the first request's outcomes instead of acting twice
-- (each row is done in its own transaction, so the answer cannot be rebuilt from the cases afterwards).
-- outcome is null while the first request is still working on its rows.
create table supervisor_bulk_action (
    idempotency_key varchar(100) not null primary key,
    caller          varchar(100) not null,
    fingerprint     varchar(64)  not null,
    outcome         text,
    created_at      timestamp    not null
);
