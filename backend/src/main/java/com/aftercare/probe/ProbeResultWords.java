package com.aftercare.probe;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aftercare.labels.Labels;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.words.DetailWords;

/**
 * A probe result in the reader's language, as the case file shows it. What is stored stays the
 * language-neutral evidence our code wrote (summary and each check's detail, in English, with the
 * figures); a Chinese reader gets the same facts in Chinese, like the timeline's lines (ADR 13).
 */
public final class ProbeResultWords {

    private record Rule(Pattern pattern, Function<Matcher, String> zh) {
    }

    /** The summaries ProbeService writes; a summary in another shape is shown as it is. */
    private static final List<Rule> SUMMARIES = List.of(
            rule("No device on this ticket; nothing to probe", m -> "本工单未关联设备，无需探测"),
            rule("Device (.+) works: (\\d+) of (\\d+) checks passed", m -> "设备 " + m.group(1) + " 工作正常：" + m.group(3) + " 项检测全部通过"),
            rule("Device (.+) does not work: (\\d+) of (\\d+) checks failed \\((\\d+) not configured\\)",
                    m -> "设备 " + m.group(1) + " 未通过验证：" + m.group(3) + " 项检测中 " + m.group(2) + " 项未通过（其中 " + m.group(4) + " 项未配置）"),
            rule("Device (.+) does not work: (\\d+) of (\\d+) checks failed",
                    m -> "设备 " + m.group(1) + " 未通过验证：" + m.group(3) + " 项检测中 " + m.group(2) + " 项未通过"),
            rule("Device (.+) is not configured for (\\d+) of (\\d+) checks; not verified",
                    m -> "设备 " + m.group(1) + " 有 " + m.group(2) + " 项检测（共 " + m.group(3) + " 项）未配置，未通过验证"),
            rule("Device (.+): verification waived by (.+) for (\\d+) checks not configured; (\\d+) of (\\d+) checks passed",
                    m -> "设备 " + m.group(1) + "：" + m.group(2) + " 已豁免 " + m.group(3) + " 项未配置的检测"
                            + ("0".equals(m.group(4)) ? "，验证通过" : "；其余 " + m.group(4) + " 项检测通过")),
            rule("Device (.+) has no check to run; not verified", m -> "设备 " + m.group(1) + " 没有可执行的检测项，未通过验证"),
            rule("Device (.+) has no probe configured; not verified automatically", m -> "设备 " + m.group(1) + " 未配置探测，未自动验证"),
            rule("Probe could not run: .*", m -> "探测多次重试后仍未能执行，按未通过处理"));

    private ProbeResultWords() {
    }

    private static Rule rule(String regex, Function<Matcher, String> zh) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), zh);
    }

    public static String summary(String summary, Locale language) {
        if (summary == null || !Labels.ZH.equals(Labels.language(language))) {
            return summary;
        }
        for (Rule r : SUMMARIES) {
            Matcher m = r.pattern().matcher(summary);
            if (m.matches()) {
                return r.zh().apply(m);
            }
        }
        return summary;
    }

    public static ProbeCheck check(ProbeCheck c, Locale language) {
        if (!Labels.ZH.equals(Labels.language(language))) {
            return c;
        }
        CheckKind kind = enumOrNull(CheckKind.class, c.kind());
        CheckReason reason = enumOrNull(CheckReason.class, c.reason());
        if (reason == null) {
            reason = c.ok() ? CheckReason.OK : null;
        }
        String detail = DetailWords.zh(kind, reason, c.detail());
        return new ProbeCheck(c.kind(), c.target(), c.ok(), detail, c.durationMillis(), c.reason());
    }

    public static List<ProbeCheck> checks(List<ProbeCheck> checks, Locale language) {
        return checks.stream().map(c -> check(c, language)).toList();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
