package com.aftercare.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
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

    /** The years an import may name: a typo such as 207 or 20270 is refused rather than stored. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    /** More entries than a year has days is not a holiday notice. */
    static final int MAX_DAYS = 366;

    /** year → (date → listed day). */
    private final Map<Integer, Map<LocalDate, Day>> years;

    private HolidayCalendar(Map<Integer, Map<LocalDate, Day>> years) {
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
     * @throws HolidayDataException naming the problem and where: not JSON, no integer "year" (or one outside
     *         {@value #FIRST_YEAR}–{@value #LAST_YEAR}), no "days" (or more entries than a year has days), a date
     *         that does not parse or lies in another year, a missing "isOffDay", or one date listed both as off
     *         day and as make-up workday. The same date listed twice alike is accepted.
     */
    public HolidayCalendar withYear(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new HolidayDataException("body", "holidayNotJson", Map.of(),
                    "Holiday data is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new HolidayDataException("body", "holidayNotObject", Map.of(),
                    "Holiday data must be a JSON object with \"year\" and \"days\"");
        }
        if (!root.path("year").isIntegralNumber()) {
            throw new HolidayDataException("year", "holidayNoYear", Map.of(), "Holiday data has no integer \"year\"");
        }
        int year = root.get("year").asInt();
        if (!root.get("year").canConvertToInt() || year < FIRST_YEAR || year > LAST_YEAR) {
            throw new HolidayDataException("year", "holidayYearOutOfRange",
                    Map.of("year", root.get("year").asText(), "first", FIRST_YEAR, "last", LAST_YEAR),
                    "Holiday data: year " + root.get("year").asText() + " is not between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        Map<LocalDate, Day> days = parseDays(year, root.path("days"));
        Map<Integer, Map<LocalDate, Day>> copy = new TreeMap<>(years);
        copy.put(year, Collections.unmodifiableMap(days));
        return new HolidayCalendar(copy);
    }

    private static Map<LocalDate, Day> parseDays(int year, JsonNode days) {
        String prefix = "Holiday data for " + year + ": ";
        if (!days.isArray() || days.isEmpty()) {
            throw new HolidayDataException("days", "holidayNoDays", Map.of("year", year),
                    prefix + "\"days\" must be a non-empty array");
        }
        if (days.size() > MAX_DAYS) {
            throw new HolidayDataException("days", "holidayTooManyDays",
                    Map.of("year", year, "count", days.size(), "max", MAX_DAYS),
                    prefix + "\"days\" has " + days.size() + " entries, more than a year has days");
        }
        Map<LocalDate, Day> result = new TreeMap<>();
        int index = 0;
        for (JsonNode day : days) {
            String at = "days[" + index + "]";
            int number = ++index;
            String text = day.path("date").asText("");
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new HolidayDataException(at + ".date", "holidayBadDate", Map.of("index", number, "date", text),
                        prefix + "date \"" + text + "\" is not a valid yyyy-MM-dd date", e);
            }
            if (date.getYear() != year) {
                throw new HolidayDataException(at + ".date", "holidayDateNotInYear",
                        Map.of("index", number, "date", date, "year", year),
                        prefix + "date " + date + " is not in year " + year);
            }
            if (!day.path("isOffDay").isBoolean()) {
                throw new HolidayDataException(at + ".isOffDay", "holidayNoOffDayFlag", Map.of("index", number, "date", date),
                        prefix + "date " + date + " has no boolean \"isOffDay\"");
            }
            boolean offDay = day.get("isOffDay").asBoolean();
            String name = day.path("name").asText("").strip();
            Day earlier = result.putIfAbsent(date, new Day(date, name, offDay));
            if (earlier != null && earlier.offDay() != offDay) {
                throw new HolidayDataException(at + ".isOffDay", "holidayOffAndWorkday", Map.of("index", number, "date", date),
                        prefix + "date " + date + " is listed both as an off day and as a make-up workday");
            }
        }
        return result;
    }

    /** One listed date: a statutory off day, or (offDay false) a make-up workday, under its holiday's name. */
    public record Day(LocalDate date, String name, boolean offDay) {
    }

    /** The listed dates of a year in date order; empty when the year has no data. */
    public List<Day> days(int year) {
        Map<LocalDate, Day> days = years.get(year);
        return days == null ? List.of() : List.copyOf(days.values());
    }

    /** This calendar without any days of the year (as before the first import of a year nothing ships for). */
    HolidayCalendar withoutYear(int year) {
        Map<Integer, Map<LocalDate, Day>> copy = new TreeMap<>(years);
        copy.remove(year);
        return new HolidayCalendar(copy);
    }

    /**
     * The year's days as a holiday-cn document that {@link #withYear(String)} reads back to the same days; null when
     * the year has none. Kept with an owed re-timing (ADR 0078) as the calendar the open cases were timed on.
     */
    String yearJson(int year) {
        Map<LocalDate, Day> days = years.get(year);
        if (days == null || days.isEmpty()) {
            return null;
        }
        var root = JSON.createObjectNode().put("year", year);
        var list = root.putArray("days");
        days.values().forEach(d -> list.addObject().put("name", d.name()).put("date", d.date().toString())
                .put("isOffDay", d.offDay()));
        return root.toString();
    }

    public SortedSet<Integer> yearsCovered() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /**
     * This year when it has no data, and next year from October on: the State Council publishes next year's schedule
     * in late October or November, so a reminder before October could not be acted on (the banner would only teach
     * people to ignore it), while from October the deadlines of cases still open at New Year already depend on it.
     */
    public List<Integer> missingYears(LocalDate today) {
        Stream<Integer> asked = today.getMonthValue() >= NEXT_YEAR_ASKED_FROM_MONTH
                ? Stream.of(today.getYear(), today.getYear() + 1) : Stream.of(today.getYear());
        return asked.filter(year -> !years.containsKey(year)).toList();
    }

    /** October: see {@link #missingYears(LocalDate)}. */
    static final int NEXT_YEAR_ASKED_FROM_MONTH = 10;

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
        Map<LocalDate, Day> year = years.get(date.getYear());
        Day day = year == null ? null : year.get(date);
        return day == null ? null : day.offDay();
    }
}
