-- Issue 17, a year of cases at a million (docs/adr/0068): every text search of the case list also asks which devices
-- match (a caller names the camera, its serial number or its address). At 200,000 devices that question read the whole
-- device table with three LIKEs (413 ms at load 13, on every search that is not a case number). The devices get the
-- cases' bigram index (V34): the query's 2-character pieces narrow the rows, LIKE on the columns confirms them.
-- PostgreSQL only: H2 installations are small and search them with LIKE.

-- The searchable text of a device, lower case. SearchCases repeats this exact expression so the planner uses the index.
create function aftercare_device_text(name text, serial_number text, ip_address text)
    returns text
    language sql immutable parallel safe
as $$
    select lower(coalesce(name, '') || ' ' || coalesce(serial_number, '') || ' ' || coalesce(ip_address, ''))
$$;

create index ix_device_search_bigrams on device using gin
    (aftercare_bigrams(aftercare_device_text(name, serial_number, ip_address)));
