-- Issue 15, "find anything" (docs/adr/0034): substring search over cases at 100,000 rows.
-- Chinese has no spaces between words, so the search is by substring; a trigram index (pg_trgm) needs three
-- characters of the query and 2-character Chinese words are common (示范, 花屏, 黑屏). So every searchable text is
-- indexed by the set of its 2-character pieces (bigrams) in a GIN array index; a query's bigrams narrow the rows
-- (array containment, @>), and LIKE on the text confirms the substring. Independent of the database locale.
-- H2 has its own version 34 (db/vendor/h2/V34__search.sql) without these functions.

-- Every distinct 2-character piece of a text ({} for texts shorter than 2).
create function aftercare_bigrams(doc text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct substr(doc, i, 2)), '{}')
    from generate_series(1, length(doc) - 1) as i
$$;

-- The searchable text of a case's own columns, lower case (the site, device and conversation are searched in
-- their own tables). SearchCases repeats this exact expression so the planner uses the index.
create function aftercare_case_text(number text, title text, description text, requester_name text, requester_phone text)
    returns text
    language sql immutable parallel safe
as $$
    select lower(coalesce(number, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, '') || ' '
        || coalesce(requester_name, '') || ' ' || coalesce(requester_phone, ''))
$$;

create index ix_ticket_search_bigrams on ticket using gin
    (aftercare_bigrams(aftercare_case_text(number, title, description, requester_name, requester_phone)));
create index ix_message_search_bigrams on conversation_message using gin (aftercare_bigrams(lower(body)));
create index ix_ticket_device on ticket(device_id);
create index ix_ticket_received on ticket(received_at);
