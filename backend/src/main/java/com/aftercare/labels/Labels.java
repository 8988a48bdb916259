package com.aftercare.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The words users read for domain codes (clock names, statuses, levels, form fields, ...) in Simplified
 * Chinese and English. They come from labels/zh-CN.json and labels/en.json, the same files the frontend's
 * i18n imports (frontend/src/labels, copied onto the classpath by the build), so a label is written once for
 * the screens, the timeline, the messages and the exports. Keys are dotted like i18next's: group "clock",
 * code "PM_REPORT" is "clock.PM_REPORT"; "{{name}}" placeholders are filled the i18next way.
 *
 * <p>A code without a label is a bug, not a fallback case: showing the code would put an internal name in
 * front of a Chinese user, and showing the other language would mix languages. So {@link #label} throws,
 * and LabelsTest proves every code the product ships has a label in both languages.
 */
@Component
public class Labels {

    /** Simplified Chinese, the language the teams and most customers read first. */
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> LANGUAGES = List.of(ZH, EN);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<Locale, Map<String, String>> texts;

    public Labels() {
        Map<Locale, Map<String, String>> loaded = new LinkedHashMap<>();
        loaded.put(ZH, load("labels/zh-CN.json"));
        loaded.put(EN, load("labels/en.json"));
        this.texts = Collections.unmodifiableMap(loaded);
    }

    /**
     * The language a reader gets for an Accept-Language header or a contract's language tag: any Chinese
     * variant reads Simplified Chinese, any English variant English, and everything else (or nothing) the
     * Chinese default. The first supported language in a list wins, q-values are not weighed.
     */
    public static Locale language(String acceptLanguageOrTag) {
        if (acceptLanguageOrTag == null) {
            return ZH;
        }
        for (String part : acceptLanguageOrTag.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) {
                return ZH;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return ZH;
    }

    /** The supported language closest to {@code locale} (see {@link #language(String)}). */
    public static Locale language(Locale locale) {
        return locale == null ? ZH : language(locale.toLanguageTag());
    }

    /** The label of {@code code} in {@code group} (e.g. "clock", "PM_REPORT"); throws when there is none. */
    public String label(Locale locale, String group, String code) {
        return find(locale, group, code).orElseThrow(() -> new MissingLabelException(language(locale), group + "." + code));
    }

    public String label(Locale locale, String group, Enum<?> code) {
        return label(locale, group, code.name());
    }

    public Optional<String> find(Locale locale, String group, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bundle(locale).get(group + "." + code));
    }

    /** The text under a dotted key with its {{placeholders}} filled; throws when the key is missing. */
    public String text(Locale locale, String key, Map<String, ?> args) {
        String template = bundle(locale).get(key);
        if (template == null) {
            throw new MissingLabelException(language(locale), key);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!args.containsKey(m.group(1))) {
                throw new IllegalArgumentException("No value for {{" + m.group(1) + "}} in " + key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String text(Locale locale, String key) {
        return text(locale, key, Map.of());
    }

    /**
     * A fault level as users say it: "3级" / "Level 3" for numbered schemes, "A类" / "Class A" for lettered
     * ones. Never "L3", which reads like an escalation rung. policyCode may be null (the wording does not
     * depend on it today, but the policy's own level names do: see {@link #levelName}).
     */
    public String faultLevel(Locale locale, String policyCode, String level) {
        if (level == null || level.isBlank()) {
            return text(locale, "level.none");
        }
        boolean numbered = level.chars().allMatch(Character::isDigit);
        return text(locale, numbered ? "level.value" : "level.class", Map.of("level", level));
    }

    /** The policy's own short name for one of its levels ("主备均不可用"), when the shipped policy has one. */
    public Optional<String> levelName(Locale locale, String policyCode, String level) {
        return policyCode == null ? Optional.empty() : find(locale, "levelName." + policyCode, level);
    }

    /** An escalation rung (1-based), worded so that it cannot be taken for a fault level: "第3档升级". */
    public String rung(Locale locale, int rung) {
        return text(locale, "escalation.levelOnly", Map.of("level", rung));
    }

    /** Several rungs sent as one message, lowest first: "第1、2、3档升级" / "Escalation steps 1, 2, 3". */
    public String rungs(Locale locale, List<Integer> rungs) {
        if (rungs.size() == 1) {
            return rung(locale, rungs.get(0));
        }
        String separator = text(locale, "escalation.listSeparator");
        return text(locale, "escalation.steps", Map.of("levels",
                String.join(separator, rungs.stream().map(String::valueOf).toList())));
    }

    /** A span of time to the minute: "4小时50分" / "4h 50m", "2天3小时" / "2d 3h", "15分钟" / "15m". */
    public String duration(Locale locale, Duration duration) {
        long minutes = Math.abs(duration.toMinutes());
        long days = minutes / (24 * 60), hours = minutes % (24 * 60) / 60, rest = minutes % 60;
        if (days > 0) {
            return text(locale, "duration.days", Map.of("d", days, "h", hours));
        }
        if (hours > 0) {
            return text(locale, "duration.hours", Map.of("h", hours, "m", rest));
        }
        return text(locale, "duration.minutes", Map.of("m", rest));
    }

    /** The codes a group has labels for in {@code locale}, e.g. every clock; for the completeness tests. */
    public Set<String> codes(Locale locale, String group) {
        String prefix = group + ".";
        Set<String> codes = new TreeSet<>();
        for (String key : bundle(locale).keySet()) {
            if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0) {
                codes.add(key.substring(prefix.length()));
            }
        }
        return codes;
    }

    /** Every dotted key of a language; for the tests that compare the two bundles. */
    public Set<String> keys(Locale locale) {
        return Collections.unmodifiableSet(bundle(locale).keySet());
    }

    private Map<String, String> bundle(Locale locale) {
        return texts.get(language(locale));
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (the build copies it from frontend/src/labels)");
            }
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", new ObjectMapper().readTree(in), flat);
            return Collections.unmodifiableMap(flat);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else {
            into.put(prefix, node.asText());
        }
    }

    /** A code or text key with no label: a gap in labels/*.json that LabelsTest should have caught. */
    public static class MissingLabelException extends IllegalStateException {
        MissingLabelException(Locale language, String key) {
            super("No " + language.toLanguageTag() + " label for " + key + " in labels/*.json");
        }
    }
}
