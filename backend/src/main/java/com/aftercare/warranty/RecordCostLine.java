package com.aftercare.warranty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

/** The engineer or the desk records a part or a piece of labour on a case, in yuan (WA-1, FW-5). */
@Service
public class RecordCostLine {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");
    private static final Set<String> KINDS = Set.of("PART", "LABOUR");

    private final FindTicket tickets;
    private final CostLineRepository lines;
    private final Clock clock;

    RecordCostLine(FindTicket tickets, CostLineRepository lines, Clock clock) {
        this.tickets = tickets;
        this.lines = lines;
        this.clock = clock;
    }

    /** kind PART or LABOUR; amount in yuan, at most 2 decimals, 0 to 1,000,000. */
    public record NewCostLine(String kind, String description, BigDecimal amount) {
    }

    @Transactional
    public long record(long ticketId, NewCostLine command) {
        tickets.getVisible(ticketId);
        if (command == null || command.kind() == null || !KINDS.contains(command.kind())) {
            throw new BadRequestException("kind", "PART or LABOUR");
        }
        String description = command.description() == null ? "" : command.description().strip();
        if (description.isEmpty() || description.length() > 500) {
            throw new BadRequestException("description", "1 to 500 characters");
        }
        BigDecimal amount = command.amount();
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2
                && amount.stripTrailingZeros().scale() > 2) {
            throw new BadRequestException("amount", "yuan from 0 to 1000000, at most 2 decimals");
        }
        CostLine line = lines.save(new CostLine(ticketId, command.kind(), description,
                amount.setScale(2, RoundingMode.UNNECESSARY), CurrentUser.username(), clock.instant()));
        return line.getId();
    }
}
