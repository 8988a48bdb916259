package com.aftercare.configitem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A keeper corrects an item: a new version after an upgrade, another location, retired. Every field that changes is a
 * line of the item's history with its old and new value (seed 003: 资源整个生命周期的参数或配置的变化记录).
 */
@Service
public class EditConfigItem {

    /** revision: the one the editor read; another person's edit in between is a 409, not a silent overwrite. */
    @Schema(name = "ConfigItemEdit")
    public record ConfigItemEdit(ConfigItemKind kind, String name, String version, String location, ConfigItemStatus status,
            String owner, String parameters, String notes, Long revision) {
    }

    private final ConfigItemRepository items;
    private final ConfigItemEventRepository events;
    private final ReadConfigItems views;
    private final Clock clock;

    EditConfigItem(ConfigItemRepository items, ConfigItemEventRepository events, ReadConfigItems views, Clock clock) {
        this.items = items;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadConfigItems.ItemView edit(long id, ConfigItemEdit command) {
        ConfigItemActor.requireKeeper();
        ConfigItem item = views.lockedForChange(id);
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        List<FieldError> errors = ConfigItemRules.errors();
        ConfigItem.Description next = ConfigItemRules.description(command.kind(), command.name(), command.version(),
                command.location(), command.status(), command.owner(), command.parameters(), command.notes(), errors);
        if (command.revision() == null) {
            errors.add(new FieldError("revision", "is required (the revision you read)"));
        }
        ConfigItemRules.throwIfAny(errors);
        if (command.revision() != item.getRevision()) {
            throw ConflictException.of("configItemChanged", Map.of("number", item.number()));
        }
        if (items.existsByCustomerIdAndNameAndIdNot(item.getCustomerId(), next.name(), id)) {
            throw new BadRequestException("name", "the unit has an item named " + next.name() + " already");
        }
        List<String[]> changed = changes(item.description(), next);
        if (changed.isEmpty()) {
            return views.view(item);
        }
        String by = CurrentUser.username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        item.describe(next);
        item.touched(by, now);
        items.saveAndFlush(item);
        changed.forEach(c -> events.save(ConfigItemEvent.edited(item, by, now, c[0], c[1], c[2])));
        return views.view(item);
    }

    /** field, old, new for every field that differs; enums by their code (the page labels them). */
    static List<String[]> changes(ConfigItem.Description was, ConfigItem.Description now) {
        List<String[]> changed = new ArrayList<>();
        add(changed, "kind", was.kind(), now.kind());
        add(changed, "name", was.name(), now.name());
        add(changed, "version", was.version(), now.version());
        add(changed, "location", was.location(), now.location());
        add(changed, "status", was.status(), now.status());
        add(changed, "owner", was.owner(), now.owner());
        add(changed, "parameters", was.parameters(), now.parameters());
        add(changed, "notes", was.notes(), now.notes());
        return changed;
    }

    private static void add(List<String[]> changed, String field, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            changed.add(new String[] {field, was == null ? null : was.toString(), now == null ? null : now.toString()});
        }
    }
}
