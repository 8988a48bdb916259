package com.aftercare.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A list of e-mail addresses as a person types it into a recipients field (a contract's report recipients, the
 * finance's address for the stale stock warning): blank entries skipped, the same address once whatever its case, each
 * unusable entry an error naming the field and the entry's place.
 */
public final class EmailAddressList {

    /** A plain address: something@domain.tld, no display name, no spaces (what a contact list holds). */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[A-Za-z]{2,}");

    private EmailAddressList() {
    }

    /** The usable addresses of {@code given} in order; problems (bad entries, more than {@code max}) go to {@code errors}. */
    public static List<String> parse(List<String> given, String field, int max, List<BadRequestException.FieldError> errors) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        List<String> entries = given == null ? List.of() : given;
        for (int i = 0; i < entries.size(); i++) {
            String raw = entries.get(i) == null ? "" : entries.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (!valid(raw)) {
                errors.add(new BadRequestException.FieldError(field,
                        "entry " + (i + 1) + " (" + raw + ") is not an e-mail address such as name@example.com"));
            } else if (seen.add(raw.toLowerCase(Locale.ROOT))) {
                addresses.add(raw);
            }
        }
        if (addresses.size() > max) {
            errors.add(new BadRequestException.FieldError(field, "may hold at most " + max + " addresses"));
        }
        return addresses;
    }

    public static boolean valid(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
