package com.aftercare.probes.onvif;

import java.net.URI;
import java.util.List;

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
 * ONVIF device information, media profiles and a stream URI (Profile S): GetDeviceInformation,
 * GetCapabilities (or GetServices) for the media service, GetProfiles, and GetStreamUri for the
 * first profile (RTP unicast over RTSP). It proves the device speaks ONVIF with these credentials
 * and offers a stream; the RTSP check proves the stream flows. The URI itself is not recorded.
 */
public final class OnvifMediaCheck implements DeviceCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.ONVIF_MEDIA;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        if (device.onvifUrl() == null || device.onvifUrl().isBlank()) {
            return CheckOutcome.notConfigured(kind(), "onvifUrl");
        }
        URI service = OnvifClient.serviceUri(device.onvifUrl());
        if (service == null) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "onvifUrl is not an http(s) URL without credentials", 0);
        }
        String target = service.toString();
        long start = System.nanoTime();
        OnvifClient client = new OnvifClient(guard, timeouts, device.tlsInsecure(), device.username(), device.password());
        try {
            client.syncClock(service);
            Element info = client.call(service, Soap.DEVICE, "GetDeviceInformation", "<tds:GetDeviceInformation/>");
            OnvifServices services = OnvifServices.discover(client, service);
            if (services.media() == null) {
                throw new OnvifFailure(CheckReason.NOT_SUPPORTED, "no media service");
            }
            List<Element> profiles = Soap.all(client.call(services.media(), Soap.MEDIA, "GetProfiles", "<trt:GetProfiles/>"),
                    "Profiles");
            if (profiles.isEmpty()) {
                throw new OnvifFailure(CheckReason.NO_MEDIA, "no media profile");
            }
            String token = profiles.get(0).getAttribute("token");
            Element stream = client.call(services.media(), Soap.MEDIA, "GetStreamUri",
                    "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP"
                            + "</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>" + Soap.escape(token)
                            + "</trt:ProfileToken></trt:GetStreamUri>");
            if (Soap.text(stream, "Uri") == null) {
                throw new OnvifFailure(CheckReason.NO_MEDIA, "no stream URI for the first profile");
            }
            String detail = Soap.shown(Soap.text(info, "Manufacturer")) + " " + Soap.shown(Soap.text(info, "Model"))
                    + " firmware " + Soap.shown(Soap.text(info, "FirmwareVersion")) + "; " + profiles.size()
                    + (profiles.size() == 1 ? " profile" : " profiles") + "; stream URI returned";
            return CheckOutcome.pass(kind(), target, detail, millisSince(start));
        } catch (OnvifFailure f) {
            return OnvifOutcomes.fail(kind(), target, f, client, millisSince(start));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
