package com.aftercare.probes.onvif;

import java.net.URI;

import org.w3c.dom.Element;

import com.aftercare.probes.CheckReason;

/**
 * Where a device offers its media and PTZ services. GetCapabilities first (every ONVIF device since
 * 1.0 answers it); devices that dropped it (newer Profile T firmware) answer GetServices instead.
 * A service address the device names must itself pass the guard when it is called.
 */
record OnvifServices(URI media, URI ptz) {

    static OnvifServices discover(OnvifClient client, URI device) throws OnvifFailure {
        URI media = null;
        URI ptz = null;
        try {
            Element caps = client.call(device, Soap.DEVICE, "GetCapabilities",
                    "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>");
            media = xaddr(Soap.first(caps, "Media"));
            ptz = xaddr(Soap.first(caps, "PTZ"));
        } catch (OnvifFailure f) {
            if (f.reason() != CheckReason.BAD_STATUS && f.reason() != CheckReason.PROTOCOL_ERROR) {
                throw f;
            }
        }
        if (media == null) {
            Element services = client.call(device, Soap.DEVICE, "GetServices",
                    "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>");
            for (Element service : Soap.all(services, "Service")) {
                String namespace = Soap.text(service, "Namespace");
                URI address = OnvifClient.serviceUri(Soap.text(service, "XAddr"));
                if (Soap.MEDIA.equals(namespace)) {
                    media = address;
                } else if (Soap.PTZ.equals(namespace)) {
                    ptz = address;
                }
            }
        }
        return new OnvifServices(media, ptz);
    }

    private static URI xaddr(Element service) {
        return service == null ? null : OnvifClient.serviceUri(Soap.text(service, "XAddr"));
    }
}
