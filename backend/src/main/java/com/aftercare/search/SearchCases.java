package com.aftercare.search;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.TicketSummaries;
import com.aftercare.ticket.TicketSummary;
import com.aftercare.ticket.TicketStatus;

/**
 * Find anything (issue 15, docs/adr/0034): one search over a case's number, title, description, requester name and
 * phone, its site (name and address), its device (name, IP, serial) and its conversation, by substring (Chinese has
 * no spaces between words), with the ticket list's filters, a server-side sort and paging. A customer's user finds
 * only their own unit's cases, matched only on what they may read (public messages, no device addresses).
 *
 * <p>The text is matched with LIKE on lower case; on PostgreSQL each searched text also has a GIN index of its
 * 2-character pieces (V34), and a query of 2 characters or more first narrows by those pieces. The four places are
 * searched as a UNION of ids so each part uses its own index; the matching site and device ids are looked up first.
 */
@Service
public class SearchCases {

    public static final int MAX_TEXT = 100;

    /**
     * A whole case number as the desk reads it out, e.g. INC-2026-000012 (any letter case). The id part has six digits
     * or more (Ticket.assignNumber pads to six): a large integrator passes case 999,999 within its first year or two,
     * and from INC-2027-1000000 on a number must still be read by its index, not matched against every case's text.
     */
    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)[a-z]{2,5}-\\d{4}-\\d{6,18}");

    private final NamedParameterJdbcTemplate jdbc;
    private final TicketSummaries summaries;
    private final Clock clock;
    private final boolean postgres;

    SearchCases(NamedParameterJdbcTemplate jdbc, DataSource dataSource, TicketSummaries summaries, Clock clock) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * A text search counts its matches up to this many (docs/adr/0069): "1,000+" tells the desk as much as "47,642"
     * does (too many to read; narrow the search), and counting every match of a common word was most of its time over
     * a year of cases (issue 17). 50 pages of 20; below it the count is exact.
     */
    public static final int COUNT_CAP = 1_000;

    /** A common word's newest page walks at most this many cases a row of the page (a word in 1 case of 200). */
    private static final long WALK_PER_ROW = 200;
    private static final long MAX_WALK = 50_000;

    /**
     * A page of cases and their number. With {@code totalCapped} more than {@code totalElements} cases match (a text
     * search stopped counting at {@link #COUNT_CAP}, or at the rows of the page read beyond it); otherwise it is exact.
     */
    public record Result(List<TicketSummary> content, long totalElements, boolean totalCapped) {
    }

    @Transactional(readOnly = true)
    public Result search(CaseQuery query) {
        return search(query, COUNT_CAP);
    }

    /** {@link #search(CaseQuery)} with another cap: a test pins the cap's behaviour without writing 1,001 cases. */
    Result search(CaseQuery query, int cap) {
        if (query.text() != null && query.text().length() > MAX_TEXT) {
            throw new BadRequestException("q", "at most " + MAX_TEXT + " characters");
        }
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new BadRequestException("to", "must not be before from");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, params);
        String dir = query.direction() == SortDirection.ASC ? "asc" : "desc";
        params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        if (query.text() == null) {
            return filtered(query, where, dir, params);
        }
        return textSearch(query, where, dir, params, cap);
    }

    /**
     * A text search over a year of cases (docs/adr/0069). Each place a text can match in (the case's own text, its
     * site, its device, its conversation) is read from its own index with the filters, at most {@code cap + 1} cases
     * each: a rare word's matches are then all known (exact count; the page is these cases sorted), also when together
     * the places have more than {@code cap} but none stopped at its limit, and a common word
     * stops after a thousand per place instead of reading all 47,642 cases that say 黑屏. Only a common word's page is
     * then read otherwise: newest first, by walking the newest-first index and testing each case, which at more than
     * {@code cap} matches in a million cases reaches a page of 20 within some 20,000 cases (400 at 黑屏's 5 %).
     */
    private Result textSearch(CaseQuery query, String filters, String dir, MapSqlParameterSource params, int cap) {
        TextMatch text = textMatch(query.text(), CurrentUser.scopeCustomerId() != null, params);
        // the site only for a customer's scope or the site sort: with it, a probe whose matches the planner guesses
        // at 1 row joined every case to a scan of all sites (无图像: 202 ms for 1,001 cases, 45 ms without)
        String site = CurrentUser.scopeCustomerId() != null || query.sort() == CaseSort.SITE ? " join site s on s.id = t.site_id" : "";
        String from = " from ticket t" + site + " where " + filters + " and ";
        if (postgres) {
            // a probe stops after 1,001 rows; two workers take longer to start (20-40 ms here) than that takes alone
            jdbc.getJdbcTemplate().execute("set local max_parallel_workers_per_gather = 0");
        }
        params.addValue("probe", cap + 1);
        Set<Long> matches = new LinkedHashSet<>();
        // every match is known when no place stopped at its probe's limit: then there are more than cap matches only
        // because several places each had some (a word in 600 cases' text and 500 sites' names)
        boolean allRead = true;
        for (String place : text.places()) {
            List<Long> found = jdbc.queryForList("select t.id" + from + place + " limit :probe", params, Long.class);
            allRead &= found.size() <= cap;
            matches.addAll(found);
        }
        // a case may say the word in several messages, so its conversation is read as cases, not messages
        List<Long> talked = jdbc.queryForList("select m.ticket_id from conversation_message m join ticket t on t.id = m.ticket_id"
                + site + " where " + filters + " and " + text.message() + " limit :probe", params, Long.class);
        matches.addAll(talked);
        if (matches.size() <= cap && talked.size() > cap) {
            // more than cap matching messages but not (yet) more than cap cases: count the conversation's cases exactly
            matches.addAll(jdbc.queryForList("select distinct m.ticket_id from conversation_message m join ticket t on t.id = m.ticket_id"
                    + site + " where " + filters + " and " + text.message(), params, Long.class));
        } else {
            allRead &= talked.size() <= cap;
        }
        long offset = (long) query.page() * query.size();
        String order = " order by " + query.sort().column + " " + dir + " nulls last, t.id " + dir + " limit :limit offset :offset";
        if (matches.size() <= cap || allRead) {
            // every match is in hand (at most a few thousand ids, each place's probe at most cap + 1): its page is these
            // cases sorted and its count exact; reading them again from the text indexes cost a search just over the cap
            // twice its time (53 ms p95 over a year of cases, issue 17)
            if (matches.isEmpty()) {
                return new Result(List.of(), 0, false);
            }
            params.addValue("matches", matches);
            List<Long> ids = jdbc.queryForList("select t.id" + from + "t.id in (:matches)" + order, params, Long.class);
            return new Result(ids.isEmpty() ? List.of() : summaries.byIds(ids), matches.size(), false);
        }
        List<Long> ids = List.of();
        if (query.sort() == CaseSort.CREATED_AT && query.direction() == SortDirection.DESC) {
            // newest first (the list's default) walks its index (V60) and tests each case, but only so far: a word
            // in 1 case of 200 or more fills its page within 200 cases a row (黑屏, 5 %: 400 cases, 4 ms); a rarer one
            // is read whole below instead (北门卡口球机, 1,722 cases: a walk of 12,000 cases for page 1 and 600,000
            // for page 50, 107 ms and 6 s, against 60 ms for all its cases)
            params.addValue("walk", Math.min(WALK_PER_ROW * (offset + query.size()), MAX_WALK));
            ids = jdbc.queryForList("select w.id from (select t.id, t.created_at, " + text.anyPlace() + " as hit" + from + "1 = 1"
                    + " order by t.created_at desc nulls last, t.id desc limit :walk) w where w.hit"
                    + " order by w.created_at desc nulls last, w.id desc limit :limit offset :offset", params, Long.class);
        }
        if (ids.size() < query.size()) {
            // another sort, or a walk that did not fill the page: every match read and sorted (without counting them)
            ids = jdbc.queryForList("select t.id" + from + "t.id in (" + text.union() + ")" + order, params, Long.class);
        }
        if (!ids.isEmpty() && ids.size() < query.size()) {
            // the last page: the rows before it and on it are all there are
            return new Result(summaries.byIds(ids), offset + ids.size(), false);
        }
        // at least the cap, and at least the rows up to this page (a reader paging on past the cap)
        return new Result(ids.isEmpty() ? List.of() : summaries.byIds(ids), Math.max(cap, offset + ids.size()), true);
    }

    /**
     * Without a text the filters are cheap and the two halves are not: over a year of cases (docs/adr/0059) one pass
     * that numbers every match reads each matching row to sort it (33,000 heap rows for "level 1" at 100,000 cases,
     * 0.4 s), while the page alone walks the sort's index and stops after a page (V60), and the count alone is
     * answered from an index without the rows. The site join is only there for a customer's scope or the site sort.
     */
    private Result filtered(CaseQuery query, String where, String dir, MapSqlParameterSource params) {
        String from = "from ticket t" + (CurrentUser.scopeCustomerId() != null || query.sort() == CaseSort.SITE ? " join site s on s.id = t.site_id" : "");
        String order = " nulls last, id " + dir + " limit :limit offset :offset";
        // A date range is the one filter the sort's index serves badly: the range's cases lie together (a month of a
        // year), so walking the index from the newest reaches them only after the rest (0.35 s for a March at 100,000
        // cases). On PostgreSQL the range is then matched first (offset 0 keeps the planner from merging the two) and
        // only its cases are sorted.
        String page = postgres && (query.from() != null || query.to() != null)
                ? "select id from (select t.id, " + query.sort().column + " as k " + from + " where " + where + " offset 0) m order by k "
                        + dir + order
                : "select t.id as id " + from + " where " + where + " order by " + query.sort().column + " " + dir + order;
        List<Long> ids = jdbc.queryForList(page, params, Long.class);
        long total = jdbc.queryForObject("select count(*) " + from + " where " + where, params, Long.class);
        return new Result(ids.isEmpty() ? List.of() : summaries.byIds(ids), total, false);
    }

    private String where(CaseQuery q, MapSqlParameterSource params) {
        List<String> and = new ArrayList<>();
        and.add("1 = 1");
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null) {
            and.add("s.customer_id = :scope");
            params.addValue("scope", scope);
        }
        if (q.status() != null) {
            and.add("t.status = :status");
            params.addValue("status", q.status().name());
        }
        if (q.siteId() != null) {
            and.add("t.site_id = :siteId");
            params.addValue("siteId", q.siteId());
        }
        if (q.deviceId() != null) {
            and.add("t.device_id = :deviceId");
            params.addValue("deviceId", q.deviceId());
        }
        if (q.assignee() != null) {
            and.add("t.assignee = :assignee");
            params.addValue("assignee", q.assignee());
        }
        if (q.level() != null) {
            and.add("t.level_code = :level");
            params.addValue("level", q.level());
        }
        if (q.channel() != null) {
            and.add("t.channel = :channel");
            params.addValue("channel", q.channel().name());
        }
        if (q.requestType() != null) {
            and.add("t.request_type = :requestType");
            params.addValue("requestType", q.requestType().name());
        }
        if (q.from() != null) {
            and.add("t.received_at >= :from");
            params.addValue("from", Timestamp.from(q.from().atStartOfDay(clock.getZone()).toInstant()));
        }
        if (q.to() != null) {
            and.add("t.received_at < :to");
            params.addValue("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        }
        if (q.overdue()) {
            and.add("(t.status <> '" + TicketStatus.CLOSED.name() + "' and ((t.responded_at is null and t.response_due < :now)"
                    + " or (t.resolved_at is null and t.resolution_due < :now)))");
            params.addValue("now", Timestamp.from(clock.instant()));
        }
        return String.join(" and ", and);
    }

    /**
     * Where a text matches a case. {@code places}: conditions on a case {@code t} each served by an index (its own
     * text's bigrams, its site, its device); {@code message}: a condition on a message {@code m} (bigrams, then LIKE);
     * {@code anyPlace}: one condition on {@code t} for all four, tested case by case (LIKE only: a case's bigrams are
     * not worth computing per row); {@code union}: the ids of all matching cases as one query.
     */
    private record TextMatch(List<String> places, String message, String anyPlace, String union) {
    }

    private TextMatch textMatch(String text, boolean customer, MapSqlParameterSource params) {
        if (isCaseNumber(text)) {
            // a whole case number names one case: read by the number's unique index, not by every text's pieces
            params.addValue("number", text.toUpperCase(Locale.ROOT));
            String number = "t.number = :number";
            return new TextMatch(List.of(number), "1 = 0", number, "select c.id from ticket c where c.number = :number");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        params.addValue("text", lower);
        params.addValue("pattern", "%" + escapeLike(lower) + "%");
        boolean grams = postgres && lower.codePointCount(0, lower.length()) >= 2;
        String like = " like :pattern escape '\\'";
        List<String> places = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> union = new ArrayList<>();
        String ownText = caseText("t") + like;
        places.add((grams ? "aftercare_bigrams(" + caseText("t") + ") @> aftercare_bigrams(cast(:text as text)) and " : "") + ownText);
        any.add(ownText);
        union.add("select c.id from ticket c where " + (grams ? "aftercare_bigrams(" + caseText("c") + ") @> aftercare_bigrams(cast(:text as text)) and " : "")
                + caseText("c") + like);
        // sites and devices are small tables: their matching ids first, so the cases are then read by index
        List<Long> siteIds = jdbc.queryForList("select x.id from site x where lower(x.name)" + like + " or lower(x.address)" + like,
                params, Long.class);
        // a customer's user is not shown device addresses, so is not matched on them either
        // on PostgreSQL the device's bigram index (V71) narrows 200,000 devices first; the LIKEs decide, so a customer's
        // user is still matched on name and serial number only
        String deviceGrams = grams ? "aftercare_bigrams(aftercare_device_text(d.name, d.serial_number, d.ip_address))"
                + " @> aftercare_bigrams(cast(:text as text)) and " : "";
        List<Long> deviceIds = jdbc.queryForList("select d.id from device d where " + deviceGrams + "(lower(d.name)" + like
                + " or lower(d.serial_number)" + like + (customer ? "" : " or lower(coalesce(d.ip_address, ''))" + like) + ")",
                params, Long.class);
        params.addValue("siteIds", siteIds).addValue("deviceIds", deviceIds);
        if (!siteIds.isEmpty()) {
            places.add("t.site_id in (:siteIds)");
            any.add("t.site_id in (:siteIds)");
            union.add("select c.id from ticket c where c.site_id in (:siteIds)");
        }
        if (!deviceIds.isEmpty()) {
            places.add("t.device_id in (:deviceIds)");
            any.add("t.device_id in (:deviceIds)");
            union.add("select c.id from ticket c where c.device_id in (:deviceIds)");
        }
        String visible = customer ? " and m.visibility = 'PUBLIC'" : "";
        String message = (grams ? "aftercare_bigrams(lower(m.body)) @> aftercare_bigrams(cast(:text as text)) and " : "")
                + "lower(m.body)" + like + visible;
        any.add("exists (select 1 from conversation_message m where m.ticket_id = t.id and lower(m.body)" + like + visible + ")");
        union.add("select m.ticket_id from conversation_message m where " + message);
        return new TextMatch(places, message, "(" + String.join(" or ", any) + ")", String.join(" union ", union));
    }

    /** The searchable text of case {@code alias}; on PostgreSQL the exact expression of its bigram index (V34). */
    private String caseText(String alias) {
        String a = alias + ".";
        return postgres
                ? "aftercare_case_text(" + a + "number, " + a + "title, " + a + "description, " + a + "requester_name, " + a + "requester_phone)"
                : "lower(coalesce(" + a + "number, '') || ' ' || coalesce(" + a + "title, '') || ' ' || coalesce(" + a + "description, '') || ' '"
                        + " || coalesce(" + a + "requester_name, '') || ' ' || coalesce(" + a + "requester_phone, ''))";
    }

    static boolean isCaseNumber(String text) {
        return CASE_NUMBER.matcher(text).matches();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
