-- E-mail intake (issue 15, ADR 0043): how the last poll of the intake mailbox went, one row for the whole installation,
-- so every node and the admin page show the same (ADR 0036 kept it in each node's memory). Written by whichever node
-- polled last; the mails themselves are in email_intake.
create table mail_intake_status (
    id                smallint primary key,
    polled_by         varchar(100),
    last_poll_at      timestamp with time zone,
    last_success_at   timestamp with time zone,
    last_error        varchar(30),
    last_error_detail varchar(300),
    last_error_at     timestamp with time zone,
    last_opened       integer not null default 0,
    last_threaded     integer not null default 0,
    last_reopened     integer not null default 0,
    last_follow_up    integer not null default 0,
    last_dropped      integer not null default 0,
    last_failed       integer not null default 0,
    last_moved        integer not null default 0,
    version           bigint not null default 0,
    constraint ck_mail_intake_status_one check (id = 1)
);
insert into mail_intake_status (id) values (1);
