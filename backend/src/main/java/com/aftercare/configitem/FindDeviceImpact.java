package com.aftercare.configitem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What stops working when a device fails or is changed (seed 002: 当我们考虑变更设备的硬件配置时,必须考虑到其软件配置): every
 * planned or running item that rests on the device, directly or through other items, nearest first. Shown on a case's
 * page and a change's page, so that the engineer and the approver see the applications behind a recorder or a switch.
 */
@Service
public class FindDeviceImpact {

    /** viaItemName: the item through which this one rests on the device (null when it points at the device itself). */
    @Schema(name = "DeviceImpact")
    public record Impact(long itemId, String itemNumber, String itemName, ConfigItemKind itemKind, ConfigItemStatus itemStatus,
            ConfigRelation relation, String viaItemName, int depth) {
    }

    private final AssetService assets;
    private final ConfigItemRepository items;
    private final ConfigItemLinkRepository links;

    FindDeviceImpact(AssetService assets, ConfigItemRepository items, ConfigItemLinkRepository links) {
        this.assets = assets;
        this.items = items;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public List<Impact> of(long deviceId) {
        ConfigItemActor.requireReader();
        Device device = assets.device(deviceId);
        long unit = device.getSite().getCustomer().getId();
        if (CurrentUser.isCustomer() && !Long.valueOf(unit).equals(CurrentUser.customerId())) {
            throw new NotFoundException("No device " + deviceId);
        }
        List<ConfigItemLink> graph = links.activeOfUnit(unit);
        if (graph.isEmpty()) {
            return List.of();
        }
        Map<Long, ConfigItem> unitItems = items.findByCustomerId(unit).stream()
                .filter(i -> i.getStatus() != ConfigItemStatus.RETIRED)
                .collect(Collectors.toMap(ConfigItem::getId, Function.identity()));
        // breadth first from the device: an item is listed once, at the shortest distance, with the first way found
        Map<Long, Impact> found = new LinkedHashMap<>();
        List<Long> frontier = new ArrayList<>();
        for (ConfigItemLink l : graph) {
            ConfigItem source = unitItems.get(l.getItemId());
            if (source != null && Long.valueOf(deviceId).equals(l.getTargetDeviceId()) && !found.containsKey(source.getId())) {
                found.put(source.getId(), impact(source, l.getRelation(), null, 1));
                frontier.add(source.getId());
            }
        }
        Map<Long, List<ConfigItemLink>> restingOn = new HashMap<>();
        graph.stream().filter(l -> l.getTargetItemId() != null)
                .forEach(l -> restingOn.computeIfAbsent(l.getTargetItemId(), k -> new ArrayList<>()).add(l));
        for (int depth = 2; !frontier.isEmpty(); depth++) {
            List<Long> next = new ArrayList<>();
            for (Long via : frontier) {
                for (ConfigItemLink l : restingOn.getOrDefault(via, List.of())) {
                    ConfigItem source = unitItems.get(l.getItemId());
                    if (source != null && !found.containsKey(source.getId())) {
                        found.put(source.getId(), impact(source, l.getRelation(), unitItems.get(via).getName(), depth));
                        next.add(source.getId());
                    }
                }
            }
            frontier = next;
        }
        return List.copyOf(found.values());
    }

    private static Impact impact(ConfigItem item, ConfigRelation relation, String via, int depth) {
        return new Impact(item.getId(), item.number(), item.getName(), item.getKind(), item.getStatus(), relation, via, depth);
    }
}
