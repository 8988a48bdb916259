package com.aftercare.caseitem;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.configitem.ConfigItemStatus;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A case names a configuration item of its unit that its fault touches (RP-4): the application that stopped, the
 * platform behind a camera. Those who work cases do it: the desk at intake, the engineer who finds the cause, a
 * supervisor. The case's timeline says who; the item's page then lists the case.
 */
@Service
public class LinkItemToCase {

    @Schema(name = "NewCaseConfigItem")
    public record NewCaseItem(Long configItemId) {
    }

    /** As a change names at most 20 (ReadConfigItems.MAX_PER_CHANGE): the case page stays readable; the form offers as many. */
    static final int MAX_PER_CASE = 20;

    static final Set<Role> CASE_WORKERS = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR);

    private final CaseConfigItemRepository links;
    private final ReadConfigItems items;
    private final ReadCaseItems views;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final Clock clock;

    LinkItemToCase(CaseConfigItemRepository links, ReadConfigItems items, ReadCaseItems views, FindTicket tickets,
            CaseTimeline timeline, Clock clock) {
        this.links = links;
        this.items = items;
        this.views = views;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public ReadCaseItems.CaseItemView link(long ticketId, NewCaseItem command) {
        Ticket ticket = CaseItemRules.workableCase(tickets, ticketId);
        if (command == null || command.configItemId() == null) {
            throw new BadRequestException("configItemId", "is required");
        }
        long itemId = command.configItemId();
        ReadConfigItems.UnitItem item = items.unitItems(List.of(itemId)).get(itemId);
        long unit = ticket.getSite().getCustomer().getId();
        if (item == null) {
            throw new BadRequestException("configItemId", "unknown configuration item " + itemId);
        }
        if (item.customerId() != unit) {
            throw new BadRequestException("configItemId", "item " + item.number() + " is not the case's customer unit's");
        }
        if (item.status() == ConfigItemStatus.RETIRED) {
            throw new BadRequestException("configItemId", "item " + item.number() + " is retired");
        }
        if (links.findByTicketIdAndConfigItemId(ticketId, itemId).isPresent()) {
            throw CaseItemRules.alreadyNamed(ticket, item.number());
        }
        if (links.countByTicketId(ticketId) >= MAX_PER_CASE) {
            throw new BadRequestException("configItemId", "a case names at most " + MAX_PER_CASE + " configuration items");
        }
        // a second click racing this one fails on the unique constraint at this flush; the controller answers 409
        CaseConfigItem saved = links.saveAndFlush(new CaseConfigItem(ticketId, itemId, unit, CurrentUser.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        timeline.record(ticketId, new CaseEvent.ConfigItemNamed(item.number(), item.name(), true));
        return views.view(saved, item);
    }

    /** The answer to the click that lost the race on the unique constraint: the same 409 as a later click gets. */
    @Transactional(readOnly = true)
    public com.aftercare.common.ConflictException lostRace(long ticketId, long itemId) {
        ReadConfigItems.UnitItem item = items.unitItems(List.of(itemId)).get(itemId);
        return CaseItemRules.alreadyNamed(tickets.get(ticketId), item == null ? "#" + itemId : item.number());
    }
}
