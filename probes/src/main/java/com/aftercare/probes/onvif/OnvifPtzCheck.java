package com.aftercare.probes.onvif;

import java.net.URI;
import java.util.Locale;

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
 * PTZ control works (VC-3): GetStatus of the first profile with a PTZ configuration, a small
 * RelativeMove in pan (param "step", default 0.05 of the generic -1..1 space; the other way when that
 * would pass the end stop), a wait (param "settleMillis", default 1000), GetStatus again: the position
 * must have changed, else PTZ_DID_NOT_MOVE. Then the same move back, so the camera keeps watching what
 * it watched. A device without a PTZ service is NOT_SUPPORTED.
 */
public final class OnvifPtzCheck implements DeviceCheck {

    static final double DEFAULT_STEP = 0.05;
    static final int DEFAULT_SETTLE_MILLIS = 1000;
    static final int MAX_SETTLE_MILLIS = 30_000;
    /** Cameras report positions rounded (Hikvision to 0.001 and less); smaller differences are no movement. */
    static final double MOVED = 0.0005;
    static final String TRANSLATION_SPACE = "http://www.onvif.org/ver10/tptz/PanTiltSpaces/TranslationGenericSpace";

    @Override
    public CheckKind kind() {
        return CheckKind.ONVIF_PTZ;
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
        double step;
        int settle;
        try {
            step = request.doubleParam("step", DEFAULT_STEP);
            settle = request.intParam("settleMillis", DEFAULT_SETTLE_MILLIS);
        } catch (NumberFormatException e) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "step and settleMillis must be numbers", 0);
        }
        if (!(step > 0 && step <= 1) || settle < 0 || settle > MAX_SETTLE_MILLIS) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED,
                    "step must be above 0 and at most 1, settleMillis 0 to " + MAX_SETTLE_MILLIS, 0);
        }
        String target = service.toString();
        long start = System.nanoTime();
        OnvifClient client = new OnvifClient(guard, timeouts, device.tlsInsecure(), device.username(), device.password());
        try {
            client.syncClock(service);
            OnvifServices services = OnvifServices.discover(client, service);
            if (services.ptz() == null) {
                throw new OnvifFailure(CheckReason.NOT_SUPPORTED, "no PTZ service");
            }
            if (services.media() == null) {
                throw new OnvifFailure(CheckReason.NOT_SUPPORTED, "no media service for the PTZ profile");
            }
            String token = ptzProfile(client.call(services.media(), Soap.MEDIA, "GetProfiles", "<trt:GetProfiles/>"));
            double[] before = position(client, services.ptz(), token);
            double pan = before[0] + step > 1 ? -step : step;
            move(client, services.ptz(), token, pan);
            sleep(settle);
            double[] after = position(client, services.ptz(), token);
            if (Math.abs(after[0] - before[0]) < MOVED && Math.abs(after[1] - before[1]) < MOVED) {
                throw new OnvifFailure(CheckReason.PTZ_DID_NOT_MOVE, String.format(Locale.ROOT,
                        "pan %.3f tilt %.3f before and %d ms after a relative move of %.3f", before[0], before[1], settle, pan));
            }
            String back;
            try {
                move(client, services.ptz(), token, -pan);
                back = "moved back";
            } catch (OnvifFailure f) {
                back = "the move back was refused";
            }
            return CheckOutcome.pass(kind(), target, String.format(Locale.ROOT, "pan %.3f -> %.3f after a relative move of %.3f; %s",
                    before[0], after[0], pan, back), millisSince(start));
        } catch (OnvifFailure f) {
            return OnvifOutcomes.fail(kind(), target, f, client, millisSince(start));
        }
    }

    /** The first profile with a PTZ configuration: only those accept PTZ commands. */
    private static String ptzProfile(Element profiles) throws OnvifFailure {
        for (Element profile : Soap.all(profiles, "Profiles")) {
            if (Soap.first(profile, "PTZConfiguration") != null && !profile.getAttribute("token").isEmpty()) {
                return profile.getAttribute("token");
            }
        }
        throw new OnvifFailure(CheckReason.NOT_SUPPORTED, "no media profile with a PTZ configuration");
    }

    private static double[] position(OnvifClient client, URI ptz, String token) throws OnvifFailure {
        Element status = client.call(ptz, Soap.PTZ, "GetStatus",
                "<tptz:GetStatus><tptz:ProfileToken>" + Soap.escape(token) + "</tptz:ProfileToken></tptz:GetStatus>");
        Element position = Soap.first(status, "Position");
        Element panTilt = position == null ? null : Soap.first(position, "PanTilt");
        if (panTilt == null) {
            throw new OnvifFailure(CheckReason.NOT_SUPPORTED, "the device reports no PTZ position");
        }
        try {
            return new double[] { Double.parseDouble(panTilt.getAttribute("x").trim()),
                    Double.parseDouble(panTilt.getAttribute("y").trim()) };
        } catch (NumberFormatException e) {
            throw new OnvifFailure(CheckReason.PROTOCOL_ERROR, "unreadable PTZ position");
        }
    }

    private static void move(OnvifClient client, URI ptz, String token, double pan) throws OnvifFailure {
        client.call(ptz, Soap.PTZ, "RelativeMove", "<tptz:RelativeMove><tptz:ProfileToken>" + Soap.escape(token)
                + "</tptz:ProfileToken><tptz:Translation><tt:PanTilt x=\"" + String.format(Locale.ROOT, "%.4f", pan)
                + "\" y=\"0\" space=\"" + TRANSLATION_SPACE + "\"/></tptz:Translation></tptz:RelativeMove>");
    }

    private static void sleep(int millis) throws OnvifFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnvifFailure(CheckReason.TIMEOUT, "interrupted while waiting for the move");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
