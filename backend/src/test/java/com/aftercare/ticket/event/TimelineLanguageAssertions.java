package com.aftercare.ticket.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.aftercare.notify.DeliveryChannel;
import com.aftercare.notify.DeliveryStatus;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.RecipientRole;
import com.aftercare.sla.TimeBasis;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.TicketStatus;

/**
 * What a text shown to a user must not contain: an enum code of any domain enum (as a whole word), a form field
 * id, and words of the other language. What users typed (titles, notes, names) and the ticket number are theirs
 * and are taken out first: the caller names them.
 */
public final class TimelineLanguageAssertions {

    /** Every constant of the domain enums plus the string codes (hold reasons, deliverables, resolution ways). */
    static final List<String> CODES = Stream.of(
            names(TicketStatus.values()), names(Channel.values()), names(Grade.values()), names(Category.values()),
            names(ClockName.values()), names(ClockState.values()), names(ClockStatus.Risk.values()),
            names(TimeBasis.values()), names(CalendarKind.values()), names(RecipientRole.values()),
            names(DeliveryChannel.values()), names(DeliveryStatus.values()),
            List.of("WAITING_CUSTOMER", "WAITING_PARTS", "SOLUTION_PLAN", "CONTINGENCY_PLAN", "FAULT_REPORT",
                    "AT_DESK", "ON_SITE", "FIXED", "SEND_TO_VENDOR", "THIRD_PARTY", "CONFIRMED", "NOT_FIXED",
                    "WARNING", "BREACH", "HEAD", "CONSULTATION", "DEFECT"))
            .flatMap(List::stream).distinct().toList();

    /** Acronyms a Chinese line may carry as the teams write them. */
    private static final Pattern ZH_ALLOWED = Pattern.compile("\\b(SLA)\\b");
    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

    private TimelineLanguageAssertions() {
    }

    public static void assertChinese(String text, Collection<String> usersOwnWords) {
        String rest = withoutUsersWords(text, usersOwnWords);
        assertNoCodes(text, rest);
        assertThat(ZH_ALLOWED.matcher(rest).replaceAll(""))
                .as("a zh-CN text with an English word: %s", text).doesNotContainPattern("[A-Za-z]{2,}");
    }

    public static void assertEnglish(String text, Collection<String> usersOwnWords) {
        String rest = withoutUsersWords(text, usersOwnWords);
        assertNoCodes(text, rest);
        assertThat(rest).as("an English text with Chinese in it: %s", text)
                .doesNotContainPattern("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    }

    private static void assertNoCodes(String text, String rest) {
        List<String> codes = new ArrayList<>();
        for (String code : CODES) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])").matcher(rest).find()) {
                codes.add(code);
            }
        }
        assertThat(codes).as("enum codes in: %s", text).isEmpty();
        assertThat(rest).as("a form field id (camelCase) in: %s", text).doesNotContainPattern(CAMEL_CASE.pattern());
    }

    /** Longest first, so that a name inside a longer typed text does not leave half of it behind. */
    private static String withoutUsersWords(String text, Collection<String> usersOwnWords) {
        String rest = text;
        for (String words : usersOwnWords.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            rest = rest.replace(words, " ");
        }
        return rest;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
