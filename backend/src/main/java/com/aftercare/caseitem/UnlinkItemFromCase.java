package com.aftercare.caseitem;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A case no longer names an item (named by mistake, or the cause turned out to be elsewhere). The row goes; the audit
 * trail keeps it and the case's timeline says who took it back.
 */
@Service
public class UnlinkItemFromCase {

    private final CaseConfigItemRepository links;
    private final ReadConfigItems items;
    private final FindTicket tickets;
    private final CaseTimeline timeline;

    UnlinkItemFromCase(CaseConfigItemRepository links, ReadConfigItems items, FindTicket tickets, CaseTimeline timeline) {
        this.links = links;
        this.items = items;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Transactional
    public void unlink(long ticketId, long itemId) {
        CaseItemRules.workableCase(tickets, ticketId);
        CaseConfigItem link = links.findByTicketIdAndConfigItemId(ticketId, itemId)
                .orElseThrow(() -> new NotFoundException("Case " + ticketId + " does not name configuration item " + itemId));
        links.delete(link);
        links.flush();
        ReadConfigItems.UnitItem item = items.unitItems(List.of(itemId)).get(itemId);
        timeline.record(ticketId, new CaseEvent.ConfigItemNamed(item == null ? "#" + itemId : item.number(),
                item == null ? "-" : item.name(), false));
    }
}
