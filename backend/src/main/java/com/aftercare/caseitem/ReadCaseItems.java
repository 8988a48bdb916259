package com.aftercare.caseitem;

import java.util.List;
import java.util.Map;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.configitem.ConfigItemKind;
import com.aftercare.configitem.ConfigItemStatus;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.PersonNames;
import com.aftercare.ticket.FindTicket;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The configuration items a case names, for its page (the other way round, the cases naming an item, is
 * {@link CasesNamingItem}).
 */
@Service
public class ReadCaseItems {

    @Schema(name = "CaseConfigItem")
    public record CaseItemView(long itemId, String number, String name, ConfigItemKind kind, ConfigItemStatus status,
            String version, String linkedBy, String linkedByName, Instant linkedAt) {
    }

    private final CaseConfigItemRepository links;
    private final ReadConfigItems items;
    private final FindTicket tickets;
    private final PersonNames names;

    ReadCaseItems(CaseConfigItemRepository links, ReadConfigItems items, FindTicket tickets, PersonNames names) {
        this.links = links;
        this.items = items;
        this.tickets = tickets;
        this.names = names;
    }

    /** The items the case names, first named first; anyone who may see the case. */
    @Transactional(readOnly = true)
    public List<CaseItemView> of(long ticketId) {
        tickets.getVisible(ticketId); // 404 for a customer's user and another unit's case
        List<CaseConfigItem> named = links.findByTicketIdOrderByIdAsc(ticketId);
        Map<Long, ReadConfigItems.UnitItem> found = items.unitItems(named.stream().map(CaseConfigItem::getConfigItemId).toList());
        return named.stream().filter(l -> found.containsKey(l.getConfigItemId())).map(l -> view(l, found.get(l.getConfigItemId()))).toList();
    }

    CaseItemView view(CaseConfigItem link, ReadConfigItems.UnitItem item) {
        return new CaseItemView(item.id(), item.number(), item.name(), item.kind(), item.status(), item.version(),
                link.getLinkedBy(), names.of(link.getLinkedBy()), link.getLinkedAt());
    }
}
