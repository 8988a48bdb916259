package com.aftercare.probes;

/**
 * The checks a verification policy can ask of a device (VC-3). Each kind is one {@link DeviceCheck}
 * registered in {@link ProbeRunner}; the names are stored in policies and results, so never rename one.
 */
public enum CheckKind {
    /** TCP connect to each configured port (ICMP-free reachability). */
    TCP,
    /** HTTP(S) GET on the configured URL; 2xx, 3xx and 401 count as alive. */
    HTTP,
    /** RTSP OPTIONS, DESCRIBE (Basic or Digest), SETUP and PLAY, and media packets received within the timeout. */
    RTSP_STREAM,
    /** ONVIF GetDeviceInformation, GetProfiles and GetStreamUri (WS-Security UsernameToken). */
    ONVIF_MEDIA,
    /** ONVIF PTZ GetStatus, a small relative move, the position seen to change, and the move back. */
    ONVIF_PTZ,
    /** SNMP sysUpTime answered (v2c or v3). */
    SNMP_UPTIME,
    /** SNMP ifOperStatus up for the switch ports the request names (param "ports": ifIndex list), or every port that is admin-up. */
    SNMP_INTERFACES,
    /** UPS-MIB battery status normal and output source normal (not on battery, not bypass). */
    SNMP_UPS,
    /** NVR disks (Hikvision ISAPI): every disk OK, free space at least param "minFreeGb" (VC-3: 1). */
    NVR_STORAGE,
    /** Recording span: the oldest recording at least param "minDays" old (VC-3: 30 for the NVR, 60 per camera channel). */
    NVR_RECORDINGS,
    /** Every video channel of the NVR (or the camera's own channel) online. */
    NVR_CHANNELS
}
