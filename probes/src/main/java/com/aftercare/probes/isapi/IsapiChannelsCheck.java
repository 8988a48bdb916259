package com.aftercare.probes.isapi;

import java.util.ArrayList;
import java.util.List;

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
 * VC-3 "every channel shows video", as the recorder sees it: GET /ISAPI/ContentMgmt/InputProxy/channels/status
 * and each channel's online flag. For an NVR every channel must be online; for a camera only its own channel
 * (a neighbour's fault is not this camera's case). The detail names the offline channels with the
 * recorder's own diagnosis (chanDetectResult, e.g. netUnreachable).
 */
public final class IsapiChannelsCheck implements DeviceCheck {

    static final String PATH = "/ISAPI/ContentMgmt/InputProxy/channels/status";

    @Override
    public CheckKind kind() {
        return CheckKind.NVR_CHANNELS;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        return IsapiClient.run(kind(), device, guard, timeouts, (client, start) -> {
            Document doc = client.get(PATH);
            String target = client.shown(PATH) + (client.channel == null ? "" : " channel " + client.channel);
            List<String> offline = new ArrayList<>();
            int checked = 0;
            for (Element channel : IsapiXml.all(doc, "InputProxyChannelStatus")) {
                String id = IsapiXml.child(channel, "id");
                if (client.channel != null && !String.valueOf(client.channel).equals(id)) {
                    continue;
                }
                checked++;
                if (!"true".equalsIgnoreCase(IsapiXml.child(channel, "online"))) {
                    String why = IsapiXml.child(channel, "chanDetectResult");
                    offline.add("channel " + IsapiXml.token(id) + (why == null ? "" : " (" + IsapiXml.token(why) + ")"));
                }
            }
            long millis = IsapiClient.millisSince(start);
            if (client.channel != null && checked == 0) {
                return CheckOutcome.fail(kind(), target, CheckReason.CHANNEL_OFFLINE,
                        "channel " + client.channel + " not on the recorder", millis);
            }
            if (checked == 0) {
                return CheckOutcome.fail(kind(), target, CheckReason.CHANNEL_OFFLINE, "no channel on the recorder", millis);
            }
            return offline.isEmpty()
                    ? CheckOutcome.pass(kind(), target, checked + (checked == 1 ? " channel" : " channels") + " online", millis)
                    : CheckOutcome.fail(kind(), target, CheckReason.CHANNEL_OFFLINE,
                            "offline: " + String.join(", ", offline) + " (" + offline.size() + " of " + checked + ")", millis);
        });
    }
}
