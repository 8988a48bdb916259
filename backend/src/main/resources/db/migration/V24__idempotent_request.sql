-- Issue 12: an Idempotency-Key on requests that leave no row of their own to carry it (a task completion
-- removes its task), so a form sent again from a phone that lost its signal is not completed twice.
-- The key is bound to the caller and the request as first read (fingerprint, as V12 does for tickets);
-- scope names the kind of request, so the same key on two kinds of request never collides.
create table idempotent_request (
    scope           varchar(40)  not null,
    idempotency_key varchar(100) not null,
    fingerprint     varchar(64)  not null,
    caller          varchar(100) not null,
    response_status integer      not null,
    created_at      timestamp    not null,
    primary key (scope, idempotency_key)
);
