package com.aftercare.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.FindSiteContacts;
import com.aftercare.asset.FindSiteContacts.SiteContact;
import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.FindCustomerUsers;
import com.aftercare.identity.FindCustomerUsers.CustomerUser;

/**
 * Who is calling (issue 15): the requesters of earlier cases whose phone number is, or ends with, the digits the
 * desk typed, with what is known about them (unit, customer, the sites and devices they reported on, newest
 * first); then the people the records know by that number who have not reported yet: a site's contact person and a
 * customer unit's own users (by their mobile). Punctuation in stored numbers is ignored. A customer's user only ever
 * finds their own unit's callers.
 */
@Service
public class FindCallers {

    /** At least this many digits: fewer match half the phone book. */
    public static final int MIN_DIGITS = 4;
    /** The newest cases read per lookup; enough to describe a caller, bounded for a busy desk. */
    static final int CASES_READ = 200;
    static final int MAX_CALLERS = 10;

    private final TicketRepository tickets;
    private final FindSiteContacts siteContacts;
    private final FindCustomerUsers customerUsers;
    private final AssetService assets;

    FindCallers(TicketRepository tickets, FindSiteContacts siteContacts, FindCustomerUsers customerUsers, AssetService assets) {
        this.tickets = tickets;
        this.siteContacts = siteContacts;
        this.customerUsers = customerUsers;
        this.assets = assets;
    }

    /** How the records know a caller besides their earlier cases: null (only from those), or one of these. */
    public enum KnownAs {
        /** The contact person of the caller's sites. */
        SITE_CONTACT,
        /** A user account of the caller's customer unit (the mobile on the account). */
        CUSTOMER_USER
    }

    public record Place(Long id, String name) {
    }

    public record KnownDevice(Long id, String name, Long siteId) {
    }

    /**
     * One caller: name and phone as last given, the unit they named, the customer of their sites; sites and
     * devices they reported on (most recent first), the number of cases and the latest one.
     */
    public record Caller(String name, String phone, String unit, Long customerId, String customerName,
            List<Place> sites, List<KnownDevice> devices, int cases, String lastCaseNumber, Long lastCaseId,
            Instant lastReportedAt, KnownAs knownAs) {
    }

    @Transactional(readOnly = true)
    public List<Caller> byPhone(String phone) {
        String digits = phone == null ? "" : withoutCountryCode(phone);
        if (!digits.matches("[0-9]{" + MIN_DIGITS + ",20}")) {
            throw new BadRequestException("phone", "give at least " + MIN_DIGITS + " digits of the phone number");
        }
        Long scope = CurrentUser.scopeCustomerId();
        List<Ticket> found = tickets.findByRequesterPhoneLike("%" + digits, scope, PageRequest.of(0, CASES_READ));
        Map<String, List<Ticket>> byCaller = new LinkedHashMap<>();
        for (Ticket t : found) {
            byCaller.computeIfAbsent(key(t.getRequesterPhone(), t.getRequesterName()), k -> new ArrayList<>()).add(t);
        }
        List<SiteContact> contacts = siteContacts.byPhoneEnding(digits, scope);
        List<CustomerUser> users = customerUsers.byMobileEnding(digits, scope);

        Map<String, Caller> callers = new LinkedHashMap<>();
        byCaller.forEach((key, cases) -> callers.put(key, caller(cases, knownAs(key, contacts, users))));
        // the people on record who have not reported under this name and number yet
        Map<String, List<SiteContact>> contactsByKey = new LinkedHashMap<>();
        contacts.forEach(c -> contactsByKey.computeIfAbsent(key(c.phone(), c.name()), k -> new ArrayList<>()).add(c));
        contactsByKey.forEach((key, sites) -> callers.computeIfAbsent(key, k -> siteContact(sites)));
        for (CustomerUser u : users) {
            callers.computeIfAbsent(key(u.mobile(), u.displayName()), k -> customerUser(u));
        }
        return callers.values().stream().limit(MAX_CALLERS).toList();
    }

    /** One caller per number and name, as the desk would tell them apart. */
    private static String key(String phone, String name) {
        return normalized(phone) + "|" + (name == null ? "" : name.trim());
    }

    private static KnownAs knownAs(String key, List<SiteContact> contacts, List<CustomerUser> users) {
        if (contacts.stream().anyMatch(c -> key(c.phone(), c.name()).equals(key))) {
            return KnownAs.SITE_CONTACT;
        }
        return users.stream().anyMatch(u -> key(u.mobile(), u.displayName()).equals(key)) ? KnownAs.CUSTOMER_USER : null;
    }

    private static Caller siteContact(List<SiteContact> sites) {
        SiteContact first = sites.get(0);
        return new Caller(first.name(), first.phone(), first.customerName(), first.customerId(), first.customerName(),
                sites.stream().map(s -> new Place(s.siteId(), s.siteName())).toList(), List.of(), 0, null, null, null,
                KnownAs.SITE_CONTACT);
    }

    private Caller customerUser(CustomerUser u) {
        String customer = assets.customerName(u.customerId());
        return new Caller(u.displayName(), u.mobile(), customer, u.customerId(), customer, List.of(), List.of(), 0, null,
                null, null, KnownAs.CUSTOMER_USER);
    }

    private static Caller caller(List<Ticket> cases, KnownAs knownAs) {
        Ticket last = cases.get(0);
        Set<Place> sites = new LinkedHashSet<>();
        Set<KnownDevice> devices = new LinkedHashSet<>();
        String unit = null;
        for (Ticket t : cases) {
            sites.add(new Place(t.getSite().getId(), t.getSite().getName()));
            if (t.getDevice() != null) {
                devices.add(new KnownDevice(t.getDevice().getId(), t.getDevice().getName(), t.getSite().getId()));
            }
            if (unit == null && t.getRequesterUnit() != null && !t.getRequesterUnit().isBlank()) {
                unit = t.getRequesterUnit();
            }
        }
        return new Caller(last.getRequesterName(), last.getRequesterPhone(), unit, last.getSite().getCustomer().getId(),
                last.getSite().getCustomer().getName(), List.copyOf(sites), List.copyOf(devices), cases.size(),
                last.getNumber(), last.getId(), last.getReceivedAt(), knownAs);
    }

    /**
     * The digits the records can end with: punctuation dropped, and China's country code too, as a phone system or a
     * mobile's call log gives it (+86 138…, 0086 138…, 86138… for a mobile): the records hold 138… or 010-…, and the
     * lookup matches their ending, so +86 10 8888 0001 still finds 010-88880001.
     */
    public static String withoutCountryCode(String phone) {
        String digits = normalized(phone);
        String raw = phone.strip();
        if (digits.startsWith("0086") && digits.length() > 4) {
            return digits.substring(4);
        }
        if (raw.startsWith("+86") || digits.matches("861[0-9]{10}")) {
            return digits.substring(2);
        }
        return digits;
    }

    static String normalized(String phone) {
        return phone == null ? "" : phone.replaceAll("[\\s\\-+()]", "");
    }
}
