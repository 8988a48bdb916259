package com.aftercare.probes;

import java.util.List;

/**
 * How to reach one device, with its credentials already decrypted (they exist only in memory, on the
 * server's worker or in a job handed to the site's probe agent over HTTPS; never logged, never in a result).
 *
 * @param host       IP address or host name
 * @param tcpPorts   ports for the TCP check
 * @param httpUrl    URL for the HTTP check
 * @param tlsInsecure accept any certificate (devices with self-signed certificates)
 * @param username   device account for RTSP, ONVIF and ISAPI (null: none)
 * @param password   its password (null: none)
 * @param rtspUrl    stream URL without credentials, e.g. rtsp://10.0.0.5:554/Streaming/Channels/101
 * @param onvifUrl   ONVIF device service, e.g. http://10.0.0.5/onvif/device_service
 * @param isapiUrl   base of the Hikvision ISAPI, e.g. http://10.0.0.9 (paths /ISAPI/... are appended)
 * @param channel    for a camera: its channel number on the recorder (null: none)
 * @param recorder   for a camera: the NVR that records it (its recordings are checked there); null: none
 * @param snmp       SNMP settings (null: none)
 */
public record DeviceEndpoint(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure, String username,
        String password, String rtspUrl, String onvifUrl, String isapiUrl, Integer channel, DeviceEndpoint recorder, Snmp snmp) {

    public DeviceEndpoint {
        tcpPorts = tcpPorts == null ? List.of() : List.copyOf(tcpPorts);
    }

    /** A device known only by address and TCP/HTTP settings (the checks the product had before issue 14). */
    public static DeviceEndpoint basic(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure) {
        return new DeviceEndpoint(host, tcpPorts, httpUrl, tlsInsecure, null, null, null, null, null, null, null, null);
    }

    /**
     * SNMP v2c (community) or v3 (USM user with optional authentication and privacy).
     *
     * @param version      "2c" or "3"
     * @param authProtocol "SHA", "SHA256", "MD5" or null (noAuth)
     * @param privProtocol "AES", "AES256", "DES" or null (noPriv)
     */
    public record Snmp(int port, String version, String community, String user, String authProtocol, String authPassword,
            String privProtocol, String privPassword) {

        public static Snmp v2c(int port, String community) {
            return new Snmp(port, "2c", community, null, null, null, null, null);
        }
    }

    @Override
    public String toString() {
        // records print every component: keep passwords and communities out of any log line
        return "DeviceEndpoint[host=" + host + "]";
    }
}
