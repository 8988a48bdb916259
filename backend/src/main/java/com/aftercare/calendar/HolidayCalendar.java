package com.aftercare.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Statutory off days and make-up workdays (调休) per date, in the holiday-cn JSON format:
 * {@code {"year":2026,"days":[{"name":"春节","date":"2026-02-15","isOffDay":true},...]}}. Days not listed
 * follow the normal week. Immutable: importing a year returns a new calendar.
 */
public final class HolidayCalendar {

    private static final String DEFAULTS = "classpath*:holidays/*.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** year → (date → isOffDay). */
    private final Map<Integer, Map<LocalDate, Boolean>> years;

    private HolidayCalendar(Map<Integer, Map<LocalDate, Boolean>> years) {
        this.years = Collections.unmodifiableMap(years);
    }

    public static HolidayCalendar empty() {
        return new HolidayCalendar(new TreeMap<>());
    }

    /** The years shipped in {@code src/main/resources/holidays/}. */
    public static HolidayCalendar defaults() {
        HolidayCalendar calendar = empty();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(HolidayCalendar.class.getClassLoader())
                    .getResources(DEFAULTS)) {
                try (InputStream in = resource.getInputStream()) {
                    calendar = calendar.withYear(in);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Bad default holiday file " + resource.getFilename(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read default holiday files " + DEFAULTS, e);
        }
        return calendar;
    }

    /** Adds (or replaces, e.g. after a corrected notice) the year in this holiday-cn document. */
    public HolidayCalendar withYear(String json) {
        return withYear(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Adds (or replaces) the year in this holiday-cn document.
     *
     * @throws IllegalArgumentException naming the problem: not JSON, no integer "year", no "days", a date
     *         that does not parse or lies in another year, a missing "isOffDay", or one date listed both as
     *         off day and as make-up workday
     */
    public HolidayCalendar withYear(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Holiday data is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Holiday data must be a JSON object with \"year\" and \"days\"");
        }
        if (!root.path("year").isIntegralNumber()) {
            throw new IllegalArgumentException("Holiday data has no integer \"year\"");
        }
        int year = root.get("year").asInt();
        Map<LocalDate, Boolean> days = parseDays(year, root.path("days"));
        Map<Integer, Map<LocalDate, Boolean>> copy = new TreeMap<>(years);
        copy.put(year, Collections.unmodifiableMap(days));
        return new HolidayCalendar(copy);
    }

    private static Map<LocalDate, Boolean> parseDays(int year, JsonNode days) {
        String prefix = "Holiday data for " + year + ": ";
        if (!days.isArray() || days.isEmpty()) {
            throw new IllegalArgumentException(prefix + "\"days\" must be a non-empty array");
        }
        Map<LocalDate, Boolean> result = new HashMap<>();
        for (JsonNode day : days) {
            String text = day.path("date").asText("");
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(prefix + "date \"" + text + "\" is not a valid yyyy-MM-dd date", e);
            }
            if (date.getYear() != year) {
                throw new IllegalArgumentException(prefix + "date " + date + " is not in year " + year);
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw new IllegalArgumentException(prefix + "date " + date + " has no boolean \"isOffDay\"");
            }
            boolean offDay = day.get("isOffDay").asBoolean();
            Boolean earlier = result.putIfAbsent(date, offDay);
            if (earlier != null && earlier != offDay) {
                throw new IllegalArgumentException(
                        prefix + "date " + date + " is listed both as an off day and as a make-up workday");
            }
        }
        return result;
    }

    public SortedSet<Integer> yearsCovered() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** This year and next year when they have no data, so the product can warn before such a year starts. */
    public List<Integer> missingYears(LocalDate today) {
        return Stream.of(today.getYear(), today.getYear() + 1).filter(year -> !years.containsKey(year)).toList();
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** A statutory holiday, including the weekend days that belong to it. */
    public boolean isOffDay(LocalDate date) {
        return Boolean.TRUE.equals(lookup(date));
    }

    /** A day that is normally off (a weekend day) but is worked (调休). */
    public boolean isMakeUpWorkday(LocalDate date) {
        return Boolean.FALSE.equals(lookup(date));
    }

    private Boolean lookup(LocalDate date) {
        Map<LocalDate, Boolean> year = years.get(date.getYear());
        return year == null ? null : year.get(date);
    }
}
