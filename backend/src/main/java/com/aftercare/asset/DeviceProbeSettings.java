package com.aftercare.asset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * How the protocol checks of issue 14 reach a device, as the device form sends it. Secrets are
 * write-only: a blank password keeps the stored one (the form never shows it), clearPassword=true
 * removes it; the same for the SNMP community and the SNMPv3 passwords.
 *
 * @param rtspUrl     stream URL without credentials (rtsp:// or rtsps://)
 * @param onvifUrl    ONVIF device service (http(s)://.../onvif/device_service)
 * @param isapiUrl    base URL of the recorder's Hikvision ISAPI (http(s)://host)
 * @param snmpVersion "2c" or "3"; null: no SNMP
 * @param recorderId  for a camera: the NVR on the same site that records it
 * @param channel     for a camera: its channel number on that NVR
 * @param ptz         a pan-tilt-zoom camera (its policy may ask for a PTZ move)
 */
public record DeviceProbeSettings(
        @Size(max = 500) String rtspUrl,
        @Size(max = 500) String onvifUrl,
        @Size(max = 500) String isapiUrl,
        @Size(max = 100) String username,
        @Size(max = 200) String password,
        Boolean clearPassword,
        @Size(max = 3) String snmpVersion,
        @Min(1) @Max(65535) Integer snmpPort,
        @Size(max = 200) String snmpCommunity,
        Boolean clearSnmpCommunity,
        @Size(max = 100) String snmpUser,
        @Size(max = 10) String snmpAuthProtocol,
        @Size(max = 200) String snmpAuthPassword,
        Boolean clearSnmpAuthPassword,
        @Size(max = 10) String snmpPrivProtocol,
        @Size(max = 200) String snmpPrivPassword,
        Boolean clearSnmpPrivPassword,
        Long recorderId,
        @Min(1) @Max(512) Integer channel,
        Boolean ptz) {

    @Override
    public String toString() {
        // a record prints every component: keep the secrets out of any log line or validation message
        return "DeviceProbeSettings[rtspUrl=" + rtspUrl + ", onvifUrl=" + onvifUrl + ", isapiUrl=" + isapiUrl + "]";
    }
}
