package com.aftercare.emailintake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.Site;
import com.aftercare.attachment.KeepMailAttachment;
import com.aftercare.attachment.Visibility;
import com.aftercare.caselink.LinkCases;
import com.aftercare.caselink.LinkKind;
import com.aftercare.conversation.RecordMailMessage;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.notify.MailMessageIds;
import com.aftercare.notify.NotifyProperties;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReopenClosedCase;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Takes in one mail (IN-1, issue 15): machine mail is dropped and logged; a reply to one of our notifications (its
 * Message-ID in In-Reply-To/References) or a mail naming a case number in its subject joins that case's conversation;
 * any other mail opens a case for the sender's unit (the sender is a customer user's e-mail), or, from an unknown
 * sender, at the triage site for the desk.
 * <p>
 * One case per mail is the database's guarantee: the log row with the mail's Message-ID (unique, V36) is inserted
 * before anything else in the same transaction. A second look at the same mail (a poll overlap, a restart before the
 * \Seen flag was set, another node) finds the row and does nothing, or loses the insert race and is rolled back whole.
 */
@Service
class TakeInMail {

    /** The case numbers of ReportFault: INC-<year>-<id, six digits or more>. */
    private static final Pattern CASE_NUMBER = Pattern.compile("INC-(\\d{4})-(\\d{6,18})");
    private static final Pattern QUOTE_START = Pattern.compile(
            "^(>.*|-{2,} ?(original message|原始邮件|回复的原邮件) ?-{2,}.*|on .+ wrote:\\s*|在.+写道[:：]\\s*|发件人[:：].*|from: .+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String NO_PHONE = "---";
    private static final int ATTEMPTS = 5;

    /** What was done: outcome, the case (null when dropped) and, when dropped, why. */
    record Handled(MailOutcome outcome, Long ticketId, String ticketNumber, DropReason reason, boolean duplicate) {
    }

    private final EmailIntakeRepository log;
    private final ReportFault reportFault;
    private final RecordMailMessage conversation;
    private final KeepMailAttachment files;
    private final AccountService accounts;
    private final CaseTimeline timeline;
    private final Labels labels;
    private final EntityManager em;
    private final NotifyProperties notify;
    private final ReopenClosedCase reopen;
    private final LinkCases links;
    private final TransactionTemplate tx;
    private final Clock clock;

    TakeInMail(EmailIntakeRepository log, ReportFault reportFault, RecordMailMessage conversation, KeepMailAttachment files,
            AccountService accounts, CaseTimeline timeline, Labels labels, EntityManager em, NotifyProperties notify,
            ReopenClosedCase reopen, LinkCases links, PlatformTransactionManager transactions, Clock clock) {
        this.reopen = reopen;
        this.links = links;
        this.log = log;
        this.reportFault = reportFault;
        this.conversation = conversation;
        this.files = files;
        this.accounts = accounts;
        this.timeline = timeline;
        this.labels = labels;
        this.em = em;
        this.notify = notify;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Handled takeIn(IncomingMail mail, MailIntakeProperties settings) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(status -> handle(mail, settings));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // another poll took the same mail at the same moment: the next round finds its row
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Handled handle(IncomingMail mail, MailIntakeProperties settings) {
        Optional<EmailIntake> earlier = log.findByMessageId(mail.messageId());
        if (earlier.isPresent()) {
            EmailIntake e = earlier.get();
            return new Handled(e.getOutcome(), e.getTicketId(), null, e.getReason(), true);
        }
        String domain = MailMessageIds.domainOf(notify.mailFrom());
        Optional<DropReason> drop = ClassifyMail.dropReason(mail, ownAddresses(settings), domain);
        if (drop.isPresent()) {
            log.saveAndFlush(new EmailIntake(mail.messageId(), mail.fromAddress(), mail.subject(), MailOutcome.DROPPED, drop.get(),
                    clock.instant()));
            return new Handled(MailOutcome.DROPPED, null, null, drop.get(), false);
        }
        // claim the Message-ID first: the unique constraint is what keeps a mail seen twice to one case
        EmailIntake row = log.saveAndFlush(new EmailIntake(mail.messageId(), mail.fromAddress(), mail.subject(), MailOutcome.OPENED, null,
                clock.instant()));
        AppUser sender = sender(mail.fromAddress());
        Ticket thread = threadOf(mail, domain);
        if (thread != null) {
            return reply(mail, row, sender, thread, settings);
        }
        return open(mail, row, sender, settings);
    }

    private Handled reply(IncomingMail mail, EmailIntake row, AppUser sender, Ticket ticket, MailIntakeProperties settings) {
        boolean known = sender != null && sender.getCustomerId().equals(ticket.getSite().getCustomer().getId());
        // Only the case's own unit takes a closed case up again: a stranger naming its number leaves a note, as on an
        // open case. Machine mail never gets here (ClassifyMail dropped it), so an auto-reply reopens nothing.
        if (known && ticket.getStatus() == TicketStatus.CLOSED) {
            boolean recent = ticket.getClosedAt() != null
                    && !clock.instant().isAfter(ticket.getClosedAt().plus(settings.reopenWindow()));
            if (recent && ReopenClosedCase.reopens(ticket)) {
                reopen.reopen(new ReopenClosedCase.Command(ticket.getId(), mail.fromLabel(), mail.subject()));
                Handled threaded = threadInto(mail, row, sender, ticket, true);
                row.tookIn(MailOutcome.REOPENED, ticket.getId());
                return new Handled(MailOutcome.REOPENED, threaded.ticketId(), threaded.ticketNumber(), null, false);
            }
            return followUp(mail, row, sender, ticket, settings);
        }
        return threadInto(mail, row, sender, ticket, known);
    }

    private Handled threadInto(IncomingMail mail, EmailIntake row, AppUser sender, Ticket ticket, boolean known) {
        Visibility visibility = known ? Visibility.PUBLIC : Visibility.INTERNAL;
        String authorName = known ? sender.getDisplayName() : mail.fromLabel();
        timeline.record(ticket.getId(), new CaseEvent.MailReceived(mail.fromLabel(), mail.subject(), false, known));
        List<Long> kept = keepFiles(ticket.getId(), mail, visibility, authorName);
        String body = withoutQuote(mail.text());
        conversation.record(ticket.getId(), body.isBlank() ? null : body, visibility, known ? sender.getUsername() : CurrentUser.username(),
                authorName, known, kept);
        row.tookIn(MailOutcome.THREADED, ticket.getId());
        return new Handled(MailOutcome.THREADED, ticket.getId(), ticket.getNumber(), null, false);
    }

    /**
     * The requester writes about a case closed longer ago than the reopen window (or one whose kind does not reopen):
     * a new case at the same site and device, linked to the closed one as related, so its own clocks start now and the
     * closed case's figures stay as they were.
     */
    private Handled followUp(IncomingMail mail, EmailIntake row, AppUser sender, Ticket closed, MailIntakeProperties settings) {
        Site site = closed.getSite();
        String subject = mail.subject().isBlank() ? closed.getTitle() : mail.subject();
        String text = withoutQuote(mail.text());
        text = text.isBlank() ? labels.text(Labels.ZH, "mailText.noBody") : text;
        NewTicket report = new NewTicket(Channel.EMAIL, EmailIntake.cut(sender.getDisplayName(), 100),
                EmailIntake.cut(site.getCustomer().getName(), 200), phone(sender, site), site.getId(),
                closed.getDevice() == null ? null : closed.getDevice().getId(), Category.DEFECT, Grade.MEDIUM, Grade.MEDIUM,
                EmailIntake.cut(subject, 200), EmailIntake.cut(text, 4000));
        Ticket ticket = reportFault.report(report, null).ticket();
        timeline.record(ticket.getId(), new CaseEvent.MailReceived(mail.fromLabel(), mail.subject(), true, true));
        timeline.record(ticket.getId(), new CaseEvent.MailAboutClosedCase(closed.getNumber(), settings.reopenWindow()));
        keepFiles(ticket.getId(), mail, Visibility.PUBLIC, sender.getDisplayName());
        links.link(ticket.getId(), closed.getId(), LinkKind.RELATED);
        row.tookIn(MailOutcome.FOLLOW_UP, ticket.getId());
        return new Handled(MailOutcome.FOLLOW_UP, ticket.getId(), ticket.getNumber(), null, false);
    }

    private Handled open(IncomingMail mail, EmailIntake row, AppUser sender, MailIntakeProperties settings) {
        Site site = sender == null ? null : firstSite(sender.getCustomerId());
        boolean known = site != null;
        if (site == null) {
            site = triageSite(settings);
        }
        if (site == null) {
            row.dropped(DropReason.NO_TRIAGE_SITE);
            return new Handled(MailOutcome.DROPPED, null, null, DropReason.NO_TRIAGE_SITE, false);
        }
        String subject = mail.subject().isBlank() ? labels.text(Labels.ZH, "mailText.noSubject") : mail.subject();
        String text = mail.text().isBlank() ? labels.text(Labels.ZH, "mailText.noBody") : mail.text();
        String requester = sender != null ? sender.getDisplayName() : mail.fromLabel();
        NewTicket report = new NewTicket(Channel.EMAIL, EmailIntake.cut(requester, 100), EmailIntake.cut(site.getCustomer().getName(), 200),
                phone(sender, site), site.getId(), null, Category.DEFECT, Grade.MEDIUM, Grade.MEDIUM, EmailIntake.cut(subject, 200),
                EmailIntake.cut(text, 4000));
        Ticket ticket = reportFault.report(report, null).ticket();
        timeline.record(ticket.getId(), new CaseEvent.MailReceived(mail.fromLabel(), mail.subject(), true, known));
        keepFiles(ticket.getId(), mail, known ? Visibility.PUBLIC : Visibility.INTERNAL, requester);
        row.tookIn(MailOutcome.OPENED, ticket.getId());
        return new Handled(MailOutcome.OPENED, ticket.getId(), ticket.getNumber(), null, false);
    }

    private List<Long> keepFiles(long ticketId, IncomingMail mail, Visibility visibility, String senderName) {
        List<Long> kept = new ArrayList<>();
        for (IncomingMail.File f : mail.files()) {
            KeepMailAttachment.Kept k = files.keep(ticketId, f.name(), f.bytes(), visibility, EmailIntake.cut(senderName, 200));
            if (k.attachment() != null) {
                kept.add(k.attachment().id());
            } else {
                timeline.record(ticketId, new CaseEvent.MailAttachmentRefused(k.fileName()));
            }
        }
        return kept;
    }

    /** The case this mail answers: one of our notifications it replies to, else a case number in its subject. */
    private Ticket threadOf(IncomingMail mail, String domain) {
        for (String ref : mail.references()) {
            Optional<Long> id = MailMessageIds.ticketOf(ref, domain);
            if (id.isPresent()) {
                Ticket t = em.find(Ticket.class, id.get());
                if (t != null) {
                    return t;
                }
            }
        }
        Matcher m = CASE_NUMBER.matcher(mail.subject());
        while (m.find()) {
            try {
                Ticket t = em.find(Ticket.class, Long.parseLong(m.group(2)));
                if (t != null && m.group().equals(t.getNumber())) {
                    return t;
                }
            } catch (NumberFormatException e) {
                // more digits than a long: no case of ours
            }
        }
        return null;
    }

    /** The customer user with this e-mail address; null for anyone else (staff included: their mail is triaged). */
    private AppUser sender(String address) {
        if (address == null) {
            return null;
        }
        return accounts.all().stream()
                .filter(u -> u.isEnabled() && u.getCustomerId() != null && u.getEmail() != null
                        && u.getEmail().strip().equalsIgnoreCase(address))
                .findFirst().orElse(null);
    }

    private Site firstSite(Long customerId) {
        return em.createQuery("select s from Site s where s.customer.id = :customer order by s.id", Site.class)
                .setParameter("customer", customerId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    private Site triageSite(MailIntakeProperties settings) {
        return settings.triageSiteId() == null ? null : em.find(Site.class, settings.triageSiteId());
    }

    private Set<String> ownAddresses(MailIntakeProperties settings) {
        Set<String> own = new HashSet<>();
        for (String a : new String[] {notify.mailFrom(), settings.address(), settings.username()}) {
            if (a != null && a.contains("@")) {
                String s = a.strip();
                int lt = s.lastIndexOf('<');
                own.add((lt >= 0 && s.endsWith(">") ? s.substring(lt + 1, s.length() - 1) : s).toLowerCase(Locale.ROOT));
            }
        }
        return own;
    }

    private static String phone(AppUser sender, Site site) {
        String mobile = sender == null ? null : sender.getMobile();
        if (mobile != null && mobile.matches("[0-9+()\\- ]{3,40}")) {
            return mobile;
        }
        String phone = site.getContactPhone();
        return phone != null && phone.matches("[0-9+()\\- ]{3,40}") ? phone : NO_PHONE;
    }

    /** The reply without the mail it quotes (the part after "> ", "-----Original Message-----", "On ... wrote:", "在…写道："). */
    static String withoutQuote(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            if (QUOTE_START.matcher(line.strip()).matches()) {
                break;
            }
            kept.append(line).append('\n');
        }
        String reply = kept.toString().strip();
        return reply.isEmpty() ? text.strip() : reply;
    }
}
