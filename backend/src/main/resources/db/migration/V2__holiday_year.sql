-- Holiday years imported by an admin (same JSON format as the shipped holiday-cn files).
-- The shipped years live in the application; an import for the same year overrides them.
create table holiday_year (
    calendar_year integer primary key,
    source_json varchar(200000) not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(100) not null
);
