package com.aftercare.configitem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A keeper records that an item runs on, depends on or connects to a device or another item of the same unit (seed 002:
 * 应用系统与IT资产硬件之间的关联性). Items may not rest on each other in a loop: a device's failure is followed from item to
 * item, and a loop would say an application holds itself up.
 */
@Service
public class LinkConfigItem {

    /** Exactly one of deviceId and itemId. */
    @Schema(name = "NewConfigLink")
    public record NewLink(ConfigRelation relation, Long deviceId, Long itemId) {
    }

    private final ConfigItemRepository items;
    private final ConfigItemLinkRepository links;
    private final ConfigItemEventRepository events;
    private final AssetService assets;
    private final ReadConfigItems views;
    private final Clock clock;

    LinkConfigItem(ConfigItemRepository items, ConfigItemLinkRepository links, ConfigItemEventRepository events,
            AssetService assets, ReadConfigItems views, Clock clock) {
        this.items = items;
        this.links = links;
        this.events = events;
        this.assets = assets;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadConfigItems.ItemView link(long id, NewLink command) {
        ConfigItemActor.requireKeeper();
        ConfigItem item = views.lockedForChange(id);
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        List<FieldError> errors = ConfigItemRules.errors();
        if (command.relation() == null) {
            errors.add(new FieldError("relation", "is required (RUNS_ON, DEPENDS_ON or CONNECTS_TO)"));
        }
        if ((command.deviceId() == null) == (command.itemId() == null)) {
            errors.add(new FieldError("deviceId", "name either a device (deviceId) or another item (itemId), not both"));
        }
        ConfigItemRules.throwIfAny(errors);
        if (item.getStatus() == ConfigItemStatus.RETIRED) {
            throw ConflictException.of("configItemRetired", Map.of("number", item.number(), "name", item.getName()));
        }
        if (command.deviceId() != null) {
            Device device = assets.devicesById(List.of(command.deviceId())).get(command.deviceId());
            if (device == null) {
                throw new BadRequestException("deviceId", "unknown device " + command.deviceId());
            }
            if (!device.getSite().getCustomer().getId().equals(item.getCustomerId())) {
                throw new BadRequestException("deviceId", "device " + command.deviceId() + " is not the item's customer unit's");
            }
            if (device.isRetired()) {
                throw new BadRequestException("deviceId", "device " + command.deviceId() + " is retired");
            }
        } else {
            ConfigItem target = items.findById(command.itemId())
                    .orElseThrow(() -> new BadRequestException("itemId", "unknown configuration item " + command.itemId()));
            if (target.getCustomerId() != item.getCustomerId()) {
                throw new BadRequestException("itemId", "item " + command.itemId() + " is not the same customer unit's");
            }
            if (target.getId().equals(item.getId())) {
                throw new BadRequestException("itemId", "an item cannot rest on itself");
            }
            if (target.getStatus() == ConfigItemStatus.RETIRED) {
                throw new BadRequestException("itemId", "item " + target.number() + " is retired");
            }
        }
        List<ConfigItemLink> unit = links.activeOfUnit(item.getCustomerId());
        boolean twice = unit.stream().anyMatch(l -> l.getItemId() == item.getId() && l.getRelation() == command.relation()
                && Objects.equals(l.getTargetDeviceId(), command.deviceId()) && Objects.equals(l.getTargetItemId(), command.itemId()));
        if (twice) {
            throw ConflictException.of("configLinkExists", Map.of("number", item.number()));
        }
        if (command.itemId() != null && reaches(unit, command.itemId(), item.getId())) {
            throw new BadRequestException("itemId", "item " + ConfigItem.number(command.itemId()) + " already rests on "
                    + item.number() + " (directly or through other items): the two would hold each other up");
        }
        String by = CurrentUser.username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ConfigItemLink link = links.save(new ConfigItemLink(item.getId(), item.getCustomerId(), command.relation(),
                command.deviceId(), command.itemId(), by, now));
        events.save(ConfigItemEvent.linked(item, by, now, link, true));
        item.touched(by, now);
        return views.view(items.saveAndFlush(item));
    }

    /** Whether {@code from} rests on {@code to}, following the unit's item-to-item relations. */
    static boolean reaches(List<ConfigItemLink> unit, long from, long to) {
        Map<Long, List<Long>> next = new HashMap<>();
        unit.stream().filter(l -> l.getTargetItemId() != null)
                .forEach(l -> next.computeIfAbsent(l.getItemId(), k -> new java.util.ArrayList<>()).add(l.getTargetItemId()));
        Deque<Long> queue = new ArrayDeque<>(List.of(from));
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            long at = queue.poll();
            if (at == to) {
                return true;
            }
            if (seen.add(at)) {
                queue.addAll(next.getOrDefault(at, List.of()));
            }
        }
        return false;
    }
}
