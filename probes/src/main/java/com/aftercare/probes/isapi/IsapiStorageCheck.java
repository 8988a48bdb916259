package com.aftercare.probes.isapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/**
 * NVR disks (VC-3: storage keeps recordings with at least 1 GB free): GET /ISAPI/ContentMgmt/Storage/hdd.
 * Every disk must report status "ok" (an unformatted, failing or missing disk loses recordings: DISK_FAULT),
 * and the disks' freeSpace together (ISAPI gives MB) at least param "minFreeGb" (default 1) GB, else
 * LOW_FREE_SPACE. A camera is checked on its recorder.
 */
public final class IsapiStorageCheck implements DeviceCheck {

    static final String PATH = "/ISAPI/ContentMgmt/Storage/hdd";
    private static final double MB_PER_GB = 1024.0;

    @Override
    public CheckKind kind() {
        return CheckKind.NVR_STORAGE;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        double minFreeGb;
        try {
            minFreeGb = request.doubleParam("minFreeGb", 1);
        } catch (NumberFormatException e) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "param minFreeGb is not a number", 0);
        }
        return IsapiClient.run(kind(), device, guard, timeouts, (client, start) -> {
            Document doc = client.get(PATH);
            String target = client.shown(PATH);
            List<Element> disks = IsapiXml.all(doc, "hdd");
            if (disks.isEmpty()) {
                return CheckOutcome.fail(kind(), target, CheckReason.DISK_FAULT, "no disk", IsapiClient.millisSince(start));
            }
            long freeMb = 0;
            long capacityMb = 0;
            List<String> faults = new ArrayList<>();
            for (Element disk : disks) {
                String status = IsapiXml.child(disk, "status");
                if (!"ok".equalsIgnoreCase(status)) {
                    faults.add("disk " + IsapiXml.token(IsapiXml.child(disk, "id")) + " " + IsapiXml.token(status));
                }
                try {
                    freeMb += Long.parseLong(IsapiXml.child(disk, "freeSpace"));
                    capacityMb += Long.parseLong(IsapiXml.child(disk, "capacity"));
                } catch (NumberFormatException | NullPointerException e) {
                    return CheckOutcome.fail(kind(), target, CheckReason.PROTOCOL_ERROR, "disk without capacity or freeSpace",
                            IsapiClient.millisSince(start));
                }
            }
            String space = "free " + gb(freeMb) + " GB of " + gb(capacityMb) + " GB on " + disks.size() + " disk"
                    + (disks.size() == 1 ? "" : "s") + "; minimum " + format(minFreeGb) + " GB";
            long millis = IsapiClient.millisSince(start);
            if (!faults.isEmpty()) {
                return CheckOutcome.fail(kind(), target, CheckReason.DISK_FAULT, String.join(", ", faults) + "; " + space, millis);
            }
            if (freeMb < minFreeGb * MB_PER_GB) {
                return CheckOutcome.fail(kind(), target, CheckReason.LOW_FREE_SPACE, space, millis);
            }
            return CheckOutcome.pass(kind(), target, space, millis);
        });
    }

    private static String gb(long mb) {
        return format(mb / MB_PER_GB);
    }

    private static String format(double gb) {
        return String.format(Locale.ROOT, "%.1f", gb);
    }
}
