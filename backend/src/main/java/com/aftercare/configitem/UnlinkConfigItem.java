package com.aftercare.configitem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/** A keeper takes a relation away (the server moved, the line was cut over). The relation stays on record as removed. */
@Service
public class UnlinkConfigItem {

    private final ConfigItemRepository items;
    private final ConfigItemLinkRepository links;
    private final ConfigItemEventRepository events;
    private final ReadConfigItems views;
    private final Clock clock;

    UnlinkConfigItem(ConfigItemRepository items, ConfigItemLinkRepository links, ConfigItemEventRepository events,
            ReadConfigItems views, Clock clock) {
        this.items = items;
        this.links = links;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    /** A relation already taken away (a second click) is a 404 like one that never was: nothing more is written. */
    @Transactional
    public ReadConfigItems.ItemView unlink(long id, long linkId) {
        ConfigItemActor.requireKeeper();
        ConfigItem item = views.lockedForChange(id);
        ConfigItemLink link = links.findById(linkId).filter(l -> l.getItemId() == id && l.isActive())
                .orElseThrow(() -> new NotFoundException("No relation " + linkId + " of configuration item " + id));
        String by = CurrentUser.username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        link.remove(by, now);
        links.save(link);
        events.save(ConfigItemEvent.linked(item, by, now, link, false));
        item.touched(by, now);
        return views.view(items.saveAndFlush(item));
    }
}
