package com.aftercare.probes;

/**
 * Why a check passed or failed, as a code the UI turns into words (labels "probeReason"); the check's
 * detail adds the facts (figures, channel numbers), never a password or anything a device sent back verbatim.
 * Add a code here rather than putting a sentence in a detail.
 */
public enum CheckReason {
    OK,
    /** The device lacks the settings this check needs (address, URL, credentials, channel, recorder). */
    NOT_CONFIGURED,
    /** The target is outside the networks this prober may reach. */
    TARGET_REFUSED,
    NO_ADDRESS,
    CONNECTION_REFUSED,
    TIMEOUT,
    UNREACHABLE,
    TLS_FAILED,
    /** The device refused the credentials (401 after authenticating, RTSP 401, SNMP authentication failure, ONVIF NotAuthorized). */
    AUTH_FAILED,
    /** A status code or answer that is not a success (HTTP 404/5xx, RTSP 454, SOAP fault). */
    BAD_STATUS,
    /** The device answered something this check cannot read. */
    PROTOCOL_ERROR,
    /** The stream was set up but no media packet arrived within the timeout. */
    NO_MEDIA,
    /** A disk reports an error state (not "ok"/"normal"). */
    DISK_FAULT,
    /** Free space below the policy's minimum. */
    LOW_FREE_SPACE,
    /** Recordings span fewer days than the policy's minimum. */
    SHORT_RECORDINGS,
    /** A video channel is offline. */
    CHANNEL_OFFLINE,
    /** The PTZ position did not change after a move. */
    PTZ_DID_NOT_MOVE,
    /** A switch port that should be up is down. */
    INTERFACE_DOWN,
    /** UPS on battery, battery low or depleted, output not normal. */
    UPS_ALARM,
    /** The device does not offer this function (no PTZ service, no UPS-MIB). */
    NOT_SUPPORTED
}
