package com.aftercare.asset;

/**
 * A device's protocol-check settings as staff see them: addresses and switches, and for each secret only
 * whether one is set (passwordSet, snmpCommunitySet, ...). No API returns a password or community.
 */
public record DeviceProbeView(String rtspUrl, String onvifUrl, String isapiUrl, String username, boolean passwordSet,
        String snmpVersion, Integer snmpPort, boolean snmpCommunitySet, String snmpUser, String snmpAuthProtocol,
        boolean snmpAuthPasswordSet, String snmpPrivProtocol, boolean snmpPrivPasswordSet, Long recorderId, String recorderName,
        Integer channel, boolean ptz) {

    public static DeviceProbeView of(Device d) {
        Device r = d.getRecorder();
        return new DeviceProbeView(d.getProbeRtspUrl(), d.getProbeOnvifUrl(), d.getProbeIsapiUrl(), d.getProbeUsername(),
                d.hasProbePassword(), d.getSnmpVersion(), d.getSnmpPort(), d.hasSnmpCommunity(), d.getSnmpUser(),
                d.getSnmpAuthProtocol(), d.hasSnmpAuthPassword(), d.getSnmpPrivProtocol(), d.hasSnmpPrivPassword(),
                r == null ? null : r.getId(), r == null ? null : r.getName(), d.getRecorderChannel(), d.isPtz());
    }
}
