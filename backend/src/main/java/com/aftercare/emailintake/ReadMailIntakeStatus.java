package com.aftercare.emailintake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The intake mailbox as the admin page shows it: its settings (never the password), the last polls, the last mails. */
@Service
class ReadMailIntakeStatus {

    static final int RECENT = 50;

    private final MailIntakeProperties properties;
    private final MailboxStatus status;
    private final EmailIntakeRepository log;
    private final EntityManager em;

    ReadMailIntakeStatus(MailIntakeProperties properties, MailboxStatus status, EmailIntakeRepository log, EntityManager em) {
        this.properties = properties;
        this.status = status;
        this.log = log;
        this.em = em;
    }

    record MailView(Long id, Instant receivedAt, String sender, String subject, MailOutcome outcome, DropReason reason, Long ticketId,
            String ticketNumber) {
    }

    /** What the last poll did, whichever node ran it. */
    record LastPoll(int opened, int threaded, int reopened, int followUp, int dropped, int failed, int moved) {
    }

    record StatusView(boolean enabled, String host, Integer port, boolean ssl, String username, String folder, long pollIntervalSeconds,
            boolean triageSiteSet, MailIntakeProperties.Auth auth, String processedFolder, String droppedFolder, long reopenWindowHours,
            String polledBy, Instant lastPollAt, Instant lastSuccessAt, MailboxStatus.ErrorKind lastError, String lastErrorDetail,
            Instant lastErrorAt, LastPoll lastPoll, List<MailView> recent) {
    }

    @Transactional(readOnly = true)
    StatusView read() {
        List<EmailIntake> rows = log.recent(PageRequest.of(0, RECENT));
        List<Long> ids = rows.stream().map(EmailIntake::getTicketId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> numbers = ids.isEmpty() ? Map.of()
                : em.createQuery("select t.id, t.number from Ticket t where t.id in :ids", Object[].class).setParameter("ids", ids)
                        .getResultList().stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (String) r[1]));
        MailboxStatus.Snapshot s = status.snapshot();
        return new StatusView(properties.enabled(), properties.host(), properties.host() == null ? null : properties.port(), properties.ssl(),
                properties.username(), properties.folder(), properties.pollIntervalMs() / 1000, properties.triageSiteId() != null,
                properties.auth(), properties.moves() ? properties.processedFolder() : null, properties.moves() ? properties.droppedFolder() : null,
                properties.reopenWindow().toHours(), s.polledBy(), s.lastPollAt(), s.lastSuccessAt(), s.lastError(), s.lastErrorDetail(),
                s.lastErrorAt(), new LastPoll(s.last().opened(), s.last().threaded(), s.last().reopened(), s.last().followUp(), s.last().dropped(),
                        s.last().failed(), s.last().moved()),
                rows.stream().map(r -> new MailView(r.getId(), r.getReceivedAt(), r.getSender(), r.getSubject(), r.getOutcome(),
                        r.getReason(), r.getTicketId(), numbers.get(r.getTicketId()))).toList());
    }
}
