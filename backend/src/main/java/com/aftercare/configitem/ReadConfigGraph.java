package com.aftercare.configitem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.CasesOnDevices;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A unit's configuration items and what they rest on, as one graph (seed 002: 准确地体现各类应用系统与IT资产硬件之间的关联性):
 * every item still in use, every device an item points at, the relations among them, and how many cases are open on
 * each, so that a supervisor sees which applications a broken device holds up without opening item after item.
 */
@Service
public class ReadConfigGraph {

    /** Enough for a large unit's systems; more would not be readable as one drawing either. */
    static final int MAX_ITEMS = 300;

    @Schema(name = "ConfigGraphNode", description = "An item (number, kind, status) or a device (deviceType); key is type-id")
    public record Node(String key, String type, long id, String number, String name, ConfigItemKind kind,
            ConfigItemStatus status, DeviceType deviceType, long openCases) {
    }

    @Schema(name = "ConfigGraphEdge", description = "from (an item's key) runs on / depends on / connects to to")
    public record Edge(long id, String from, String to, ConfigRelation relation) {
    }

    @Schema(name = "ConfigGraph")
    public record Graph(long customerId, String customerName, boolean truncated, List<Node> nodes, List<Edge> edges) {
    }

    private final ConfigItemRepository items;
    private final ConfigItemLinkRepository links;
    private final AssetService assets;
    private final CasesOnDevices devicesCases;
    private final CasesOfItem itemsCases;

    ReadConfigGraph(ConfigItemRepository items, ConfigItemLinkRepository links, AssetService assets,
            CasesOnDevices devicesCases, CasesOfItem itemsCases) {
        this.items = items;
        this.links = links;
        this.assets = assets;
        this.devicesCases = devicesCases;
        this.itemsCases = itemsCases;
    }

    @Transactional(readOnly = true)
    public Graph of(Long customerId) {
        ConfigItemActor.requireReader();
        long unit;
        if (CurrentUser.isCustomer()) {
            Long own = CurrentUser.customerId();
            if (own == null) {
                throw new NotFoundException("No customer unit");
            }
            unit = own; // a customer's user sees their own unit's graph whatever they ask for
        } else if (customerId == null) {
            throw new BadRequestException("customerId", "is required: the graph is drawn per customer unit");
        } else {
            unit = customerId;
        }
        String name = assets.customerName(unit);
        if (name == null) {
            throw new NotFoundException("No customer unit " + unit);
        }
        List<ConfigItem> inUse = items.inUseOfUnit(unit, PageRequest.of(0, MAX_ITEMS + 1));
        boolean truncated = inUse.size() > MAX_ITEMS;
        if (truncated) {
            inUse = inUse.subList(0, MAX_ITEMS);
        }
        Set<Long> itemIds = inUse.stream().map(ConfigItem::getId).collect(Collectors.toSet());
        List<ConfigItemLink> drawn = links.activeOfUnit(unit).stream()
                .filter(l -> itemIds.contains(l.getItemId()))
                .filter(l -> l.getTargetItemId() == null || itemIds.contains(l.getTargetItemId()))
                .toList();
        Set<Long> deviceIds = drawn.stream().map(ConfigItemLink::getTargetDeviceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Device> devices = assets.devicesById(deviceIds);
        Map<Long, Long> openOnDevices = devicesCases.openCounts(deviceIds);
        Map<Long, Long> openOnItems = itemsCases.openCounts(itemIds);

        List<Node> nodes = new ArrayList<>();
        for (ConfigItem i : inUse) {
            nodes.add(new Node(itemKey(i.getId()), "ITEM", i.getId(), i.number(), i.getName(), i.getKind(), i.getStatus(),
                    null, openOnItems.getOrDefault(i.getId(), 0L)));
        }
        for (Long id : deviceIds) {
            Device d = devices.get(id);
            nodes.add(new Node(deviceKey(id), "DEVICE", id, null, d == null ? "#" + id : d.getName(), null, null,
                    d == null ? null : d.getType(), openOnDevices.getOrDefault(id, 0L)));
        }
        List<Edge> edges = drawn.stream().map(l -> new Edge(l.getId(), itemKey(l.getItemId()),
                l.getTargetDeviceId() != null ? deviceKey(l.getTargetDeviceId()) : itemKey(l.getTargetItemId()),
                l.getRelation())).toList();
        return new Graph(unit, name, truncated, nodes, edges);
    }

    private static String itemKey(long id) {
        return "item-" + id;
    }

    private static String deviceKey(long id) {
        return "device-" + id;
    }
}
