package com.aftercare.configitem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Configuration items as people read them (RP-4): staff every unit's, a customer's user their own unit's (the same
 * fields: seed 002 offers the records to the customer's IT managers for their decisions).
 */
@Service
public class ReadConfigItems {

    static final int MAX_LISTED = 500;
    private static final Pattern NUMBER = Pattern.compile("(?i)^\\s*(?:CI-)?0*(\\d{1,12})\\s*$");

    public enum TargetType { DEVICE, ITEM }

    @Schema(name = "ConfigItemSummary")
    public record Summary(long id, String number, long customerId, String customerName, ConfigItemKind kind, String name,
            String version, String location, ConfigItemStatus status, long links, long usedBy, Instant updatedAt) {
    }

    @Schema(name = "ConfigLinkView")
    public record LinkView(long id, ConfigRelation relation, TargetType targetType, long targetId, String targetName,
            String targetNumber, DeviceType targetDeviceType, ConfigItemKind targetKind, ConfigItemStatus targetStatus,
            Boolean targetRetired, String siteName, String createdBy, Instant createdAt) {
    }

    @Schema(name = "ConfigUsedByView")
    public record UsedByView(long linkId, ConfigRelation relation, long itemId, String itemNumber, String itemName,
            ConfigItemKind itemKind, ConfigItemStatus itemStatus) {
    }

    /** changeId, changeNumber: the change request whose outcome made this edit, else null. */
    @Schema(name = "ConfigItemEventView")
    public record EventView(long id, Instant at, String by, String byName, ConfigItemAction action, String field,
            String oldValue, String newValue, ConfigRelation relation, TargetType targetType, String targetName,
            Long changeId, String changeNumber) {
    }

    /** An item as a change request names it, with its values now. */
    @Schema(name = "ChangeItemRef")
    public record ItemRef(long id, String number, String name, ConfigItemKind kind, String version,
            ConfigItemStatus status) {
    }

    @Schema(name = "ConfigItemView")
    public record ItemView(long id, String number, long customerId, String customerName, ConfigItemKind kind, String name,
            String version, String location, ConfigItemStatus status, String owner, String parameters, String notes,
            String createdBy, String createdByName, Instant createdAt, String updatedBy, String updatedByName,
            Instant updatedAt, long revision, boolean canEdit, List<LinkView> links, List<UsedByView> usedBy,
            List<EventView> history, List<ChangesOfItem.ChangeRef> changes, List<CasesOfItem.CaseRef> cases) {
    }

    /** An item as another feature checks it before pointing at it (a case naming it). */
    public record UnitItem(long id, String number, String name, long customerId, ConfigItemKind kind,
            ConfigItemStatus status, String version) {
    }

    /** How many of the cases naming an item its page lists: the most recent ones. */
    static final int MAX_CASES_LISTED = 20;

    /** How many items one change may name: a change's page and its outcome form stay readable. */
    public static final int MAX_PER_CHANGE = 20;

    private final ConfigItemRepository items;
    private final ConfigItemLinkRepository links;
    private final ConfigItemEventRepository events;
    private final AssetService assets;
    private final PersonNames names;
    private final ChangesOfItem changes;
    private final CasesOfItem cases;

    ReadConfigItems(ConfigItemRepository items, ConfigItemLinkRepository links, ConfigItemEventRepository events,
            AssetService assets, PersonNames names, ChangesOfItem changes, CasesOfItem cases) {
        this.changes = changes;
        this.cases = cases;
        this.items = items;
        this.links = links;
        this.events = events;
        this.assets = assets;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public List<Summary> list(Long customerId, ConfigItemKind kind, ConfigItemStatus status, String text) {
        ConfigItemActor.requireReader();
        Long scope = CurrentUser.isCustomer() ? ownUnit() : customerId;
        String q = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        Long numberId = null;
        if (text != null) {
            Matcher m = NUMBER.matcher(text);
            numberId = m.matches() ? Long.valueOf(m.group(1)) : null;
        }
        List<ConfigItem> found = items.search(scope, kind, status, q, numberId, PageRequest.of(0, MAX_LISTED));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(ConfigItem::getId).toList();
        Map<Long, Long> from = counts(links.countFrom(ids));
        Map<Long, Long> to = counts(links.countTo(ids));
        Map<Long, String> unitNames = new HashMap<>();
        return found.stream().map(i -> new Summary(i.getId(), i.number(), i.getCustomerId(),
                unitNames.computeIfAbsent(i.getCustomerId(), assets::customerName), i.getKind(), i.getName(), i.getVersion(),
                i.getLocation(), i.getStatus(), from.getOrDefault(i.getId(), 0L), to.getOrDefault(i.getId(), 0L),
                i.getUpdatedAt())).toList();
    }

    @Transactional(readOnly = true)
    public ItemView one(long id) {
        return view(visible(id));
    }

    /** The item if the caller may read it; "not found" for another unit's item asked for by a customer's user. */
    ConfigItem visible(long id) {
        ConfigItemActor.requireReader();
        ConfigItem item = items.findById(id).orElseThrow(() -> new NotFoundException("No configuration item " + id));
        if (CurrentUser.isCustomer() && !Long.valueOf(item.getCustomerId()).equals(ownUnit())) {
            throw new NotFoundException("No configuration item " + id);
        }
        return item;
    }

    /**
     * The item to change, read after taking its unit's lock: what the change is checked against (its revision, the
     * unit's relations) is what the last person to change it committed.
     */
    ConfigItem lockedForChange(long id) {
        long unit = items.unitOf(id).orElseThrow(() -> new NotFoundException("No configuration item " + id));
        items.lockUnit(unit);
        return visible(id);
    }

    ItemView view(ConfigItem item) {
        List<ConfigItemLink> out = links.activeFrom(item.getId());
        List<ConfigItemLink> in = links.activeTo(item.getId());
        List<ConfigItemEvent> history = events.findByItemIdOrderByIdDesc(item.getId());
        Set<Long> deviceIds = new HashSet<>();
        Set<Long> itemIds = new HashSet<>();
        out.forEach(l -> collect(l.getTargetDeviceId(), l.getTargetItemId(), deviceIds, itemIds));
        in.forEach(l -> itemIds.add(l.getItemId()));
        history.forEach(e -> collect(e.getTargetDeviceId(), e.getTargetItemId(), deviceIds, itemIds));
        Map<Long, Device> devices = assets.devicesById(deviceIds);
        Map<Long, ConfigItem> others = itemIds.isEmpty() ? Map.of()
                : items.findByIdIn(itemIds).stream().collect(Collectors.toMap(ConfigItem::getId, Function.identity()));

        List<LinkView> linkViews = new ArrayList<>();
        for (ConfigItemLink l : out) {
            if (l.getTargetDeviceId() != null) {
                Device d = devices.get(l.getTargetDeviceId());
                linkViews.add(new LinkView(l.getId(), l.getRelation(), TargetType.DEVICE, l.getTargetDeviceId(),
                        d == null ? null : d.getName(), null, d == null ? null : d.getType(), null, null,
                        d == null ? null : d.isRetired(), d == null ? null : d.getSite().getName(), l.getCreatedBy(),
                        l.getCreatedAt()));
            } else {
                ConfigItem t = others.get(l.getTargetItemId());
                linkViews.add(new LinkView(l.getId(), l.getRelation(), TargetType.ITEM, l.getTargetItemId(),
                        t == null ? null : t.getName(), ConfigItem.number(l.getTargetItemId()), null,
                        t == null ? null : t.getKind(), t == null ? null : t.getStatus(), null, null, l.getCreatedBy(),
                        l.getCreatedAt()));
            }
        }
        List<UsedByView> usedBy = in.stream().map(l -> {
            ConfigItem source = others.get(l.getItemId());
            return new UsedByView(l.getId(), l.getRelation(), l.getItemId(), ConfigItem.number(l.getItemId()),
                    source == null ? null : source.getName(), source == null ? null : source.getKind(),
                    source == null ? null : source.getStatus());
        }).toList();
        List<EventView> lines = history.stream().map(e -> new EventView(e.getId(), e.getHappenedAt(), e.getActor(),
                names.of(e.getActor()), e.getAction(), e.getField(), e.getOldValue(), e.getNewValue(), e.getRelation(),
                e.getTargetDeviceId() != null ? TargetType.DEVICE : e.getTargetItemId() != null ? TargetType.ITEM : null,
                targetName(e, devices, others), e.getChangeId(),
                e.getChangeId() == null ? null : changes.number(e.getChangeId()))).toList();
        return new ItemView(item.getId(), item.number(), item.getCustomerId(), assets.customerName(item.getCustomerId()),
                item.getKind(), item.getName(), item.getVersion(), item.getLocation(), item.getStatus(), item.getOwner(),
                item.getParameters(), item.getNotes(), item.getCreatedBy(), names.of(item.getCreatedBy()), item.getCreatedAt(),
                item.getUpdatedBy(), names.of(item.getUpdatedBy()), item.getUpdatedAt(), item.getRevision(),
                ConfigItemActor.isKeeper(), linkViews, usedBy, lines, changes.naming(item.getCustomerId(), item.getId()),
                cases.naming(item.getId(), MAX_CASES_LISTED));
    }

    /**
     * The items a change request may name: each once, known, of the change's unit and not retired; at most
     * {@link #MAX_PER_CHANGE}. Problems go to {@code errors} under {@code configItemIds}.
     */
    @Transactional(readOnly = true)
    public List<Long> namedInChange(List<Long> ids, Long customerId, List<FieldError> errors) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<Long> unique = new java.util.LinkedHashSet<>(ids);
        if (unique.contains(null)) {
            errors.add(new FieldError("configItemIds", "must not contain empty entries"));
            return List.of();
        }
        if (unique.size() > MAX_PER_CHANGE) {
            errors.add(new FieldError("configItemIds", "may name at most " + MAX_PER_CHANGE + " items"));
            return List.of();
        }
        Map<Long, ConfigItem> found = items.findByIdIn(unique).stream()
                .collect(Collectors.toMap(ConfigItem::getId, Function.identity()));
        for (Long id : unique) {
            ConfigItem item = found.get(id);
            if (item == null) {
                errors.add(new FieldError("configItemIds", "unknown configuration item " + id));
            } else if (customerId != null && item.getCustomerId() != customerId) {
                errors.add(new FieldError("configItemIds", "item " + item.number() + " is not the customer unit's"));
            } else if (item.getStatus() == ConfigItemStatus.RETIRED) {
                errors.add(new FieldError("configItemIds", "item " + item.number() + " is retired"));
            }
        }
        return List.copyOf(unique);
    }

    /** Items by id with their unit and state, for another feature to check; an unknown id is left out. */
    @Transactional(readOnly = true)
    public Map<Long, UnitItem> unitItems(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return items.findByIdIn(ids).stream().collect(Collectors.toMap(ConfigItem::getId, i -> new UnitItem(i.getId(),
                i.number(), i.getName(), i.getCustomerId(), i.getKind(), i.getStatus(), i.getVersion())));
    }

    /** The named items with their values now, in the order given (an id no longer found is left out). */
    @Transactional(readOnly = true)
    public List<ItemRef> refs(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ConfigItem> found = items.findByIdIn(ids).stream()
                .collect(Collectors.toMap(ConfigItem::getId, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull)
                .map(i -> new ItemRef(i.getId(), i.number(), i.getName(), i.getKind(), i.getVersion(), i.getStatus()))
                .toList();
    }

    /** What a change's outcome set on its items, in the order it was written. */
    @Transactional(readOnly = true)
    public List<ApplyChangeToConfigItems.Applied> appliedBy(long changeId) {
        List<ConfigItemEvent> lines = events.findByChangeIdOrderByIdAsc(changeId);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<Long, ConfigItem> found = items.findByIdIn(lines.stream().map(ConfigItemEvent::getItemId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ConfigItem::getId, Function.identity()));
        return lines.stream().map(e -> {
            ConfigItem item = found.get(e.getItemId());
            return new ApplyChangeToConfigItems.Applied(e.getItemId(), ConfigItem.number(e.getItemId()),
                    item == null ? null : item.getName(), e.getField(), e.getOldValue(), e.getNewValue());
        }).toList();
    }

    private static String targetName(ConfigItemEvent e, Map<Long, Device> devices, Map<Long, ConfigItem> others) {
        if (e.getTargetDeviceId() != null) {
            Device d = devices.get(e.getTargetDeviceId());
            return d == null ? null : d.getName();
        }
        if (e.getTargetItemId() != null) {
            ConfigItem i = others.get(e.getTargetItemId());
            return i == null ? null : i.getName();
        }
        return null;
    }

    private static void collect(Long deviceId, Long itemId, Set<Long> deviceIds, Set<Long> itemIds) {
        if (deviceId != null) {
            deviceIds.add(deviceId);
        }
        if (itemId != null) {
            itemIds.add(itemId);
        }
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /** A customer's user's unit; an account without one sees nothing (-1 matches no unit). */
    private static Long ownUnit() {
        Long own = CurrentUser.customerId();
        return own == null ? -1L : own;
    }
}
