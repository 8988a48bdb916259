package com.aftercare.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-ID our notification mails carry, {@code <aftercare.d<delivery>.t<ticket>@<domain>>}, so that a reply
 * (In-Reply-To / References) can be threaded into its case and a mail of our own coming back can be recognised as a
 * loop (e-mail intake, docs/adr/0036). The domain is the one of the From address (aftercare.notify.mail-from).
 */
public final class MailMessageIds {

    private static final Pattern OURS = Pattern.compile("<?aftercare\\.d(\\d{1,18})\\.t(\\d{1,18})@([^>\\s]+)>?");

    private MailMessageIds() {
    }

    public static String of(long deliveryId, Long ticketId, String domain) {
        return "<aftercare.d" + deliveryId + ".t" + (ticketId == null ? 0 : ticketId) + "@" + domain + ">";
    }

    /** The domain part of an address ("aftercare@example.com" → "example.com"); "localhost" when it has none. */
    public static String domainOf(String address) {
        String a = address == null ? "" : address.strip();
        int lt = a.lastIndexOf('<');
        if (lt >= 0 && a.endsWith(">")) {
            a = a.substring(lt + 1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? "" : a.substring(at + 1).strip();
        return domain.isEmpty() ? "localhost" : domain.toLowerCase(Locale.ROOT);
    }

    /** Whether this Message-ID is one of ours (written by {@link #of} for this domain). */
    public static boolean isOurs(String messageId, String domain) {
        Matcher m = messageId == null ? null : OURS.matcher(messageId.strip());
        return m != null && m.matches() && m.group(3).equalsIgnoreCase(domain);
    }

    /** The case a Message-ID of ours belongs to; empty for anyone else's (or one of a mail without a case). */
    public static Optional<Long> ticketOf(String messageId, String domain) {
        Matcher m = messageId == null ? null : OURS.matcher(messageId.strip());
        if (m == null || !m.matches() || !m.group(3).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        long ticket = Long.parseLong(m.group(2));
        return ticket == 0 ? Optional.empty() : Optional.of(ticket);
    }
}
