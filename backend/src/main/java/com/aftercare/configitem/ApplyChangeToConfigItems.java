package com.aftercare.configitem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException.FieldError;

/**
 * A change's outcome sets what it changed on its configuration items (RP-4 with RP-5): the new version after an
 * upgrade, new core parameters. Each field that differs is a line of the item's history marked with the change, so
 * the item's lifecycle says which change made it what it is (seed 003: 资源整个生命周期的参数或配置的变化记录). Runs inside
 * the outcome's transaction: the outcome and the items' new values commit together or not at all.
 */
@Service
public class ApplyChangeToConfigItems {

    /** One item's new values; null or blank leaves that field as it is. */
    public record Update(long itemId, String version, String parameters) {
    }

    /** A field the change set, for the change's page. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ChangeItemChange")
    public record Applied(long itemId, String itemNumber, String itemName, String field, String oldValue, String newValue) {
    }

    private final ConfigItemRepository items;
    private final ConfigItemEventRepository events;

    ApplyChangeToConfigItems(ConfigItemRepository items, ConfigItemEventRepository events) {
        this.items = items;
        this.events = events;
    }

    /**
     * Checks one update's fields (400 names {@code itemUpdates[i].version} and {@code .parameters}); the change checks
     * that the item is one it names.
     */
    public static void check(Update update, int index, List<FieldError> errors) {
        String prefix = "itemUpdates[" + index + "].";
        ConfigItemRules.optional(update.version(), prefix + "version", ConfigItemRules.MAX_VERSION, errors);
        ConfigItemRules.optional(update.parameters(), prefix + "parameters", ConfigItemRules.MAX_TEXT, errors);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<Applied> apply(long changeId, long customerId, List<Update> updates, String by, Instant at) {
        List<Applied> applied = new ArrayList<>();
        if (updates.isEmpty()) {
            return applied;
        }
        // the unit's lock, as every other edit of its items takes it: no keeper's edit interleaves with the change's
        items.lockUnit(customerId);
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        Map<Long, ConfigItem> byId = new java.util.HashMap<>();
        items.findByIdIn(updates.stream().map(Update::itemId).toList()).forEach(i -> byId.put(i.getId(), i));
        for (Update update : updates) {
            ConfigItem item = byId.get(update.itemId());
            if (item == null || item.getCustomerId() != customerId) {
                continue; // the change checked its items when it was asked for; one deleted since has nothing to set
            }
            ConfigItem.Description was = item.description();
            String version = blankToNull(update.version());
            String parameters = blankToNull(update.parameters());
            ConfigItem.Description next = new ConfigItem.Description(was.kind(), was.name(),
                    version == null ? was.version() : version, was.location(), was.status(), was.owner(),
                    parameters == null ? was.parameters() : parameters, was.notes());
            List<String[]> changed = EditConfigItem.changes(was, next);
            if (changed.isEmpty()) {
                continue;
            }
            item.describe(next);
            item.touched(by, now);
            items.saveAndFlush(item);
            for (String[] c : changed) {
                events.save(ConfigItemEvent.editedByChange(item, by, now, c[0], c[1], c[2], changeId));
                applied.add(new Applied(item.getId(), item.number(), item.getName(), c[0], c[1], c[2]));
            }
        }
        return applied;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
