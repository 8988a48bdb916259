package com.aftercare.probes.rtsp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/**
 * Proves a camera's stream flows, not just that port 554 is open: OPTIONS, DESCRIBE (Basic or
 * Digest), SETUP of the first video track with RTP interleaved on the RTSP connection, PLAY, and one
 * RTP packet (version 2) on the video channel within {@link Timeouts#media()}; then TEARDOWN.
 * Interleaved TCP rather than UDP because the prober sits behind NAT and firewalls (the server, or an
 * agent in another VLAN) where UDP to a random client port never arrives (ADR 0029).
 * The target is the stream URL without credentials; the password is only ever in the Authorization header.
 */
public final class RtspStreamCheck implements DeviceCheck {

    static final int DEFAULT_PORT = 554;
    static final Duration TEARDOWN_WAIT = Duration.ofSeconds(1);

    @Override
    public CheckKind kind() {
        return CheckKind.RTSP_STREAM;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        String configured = device.rtspUrl();
        if (configured == null || configured.isBlank()) {
            return CheckOutcome.notConfigured(kind(), "rtspUrl");
        }
        URI uri;
        try {
            uri = new URI(configured.trim());
        } catch (URISyntaxException e) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "rtspUrl is not a valid URL", 0);
        }
        if (uri.getHost() == null || !"rtsp".equalsIgnoreCase(uri.getScheme())) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "rtspUrl is not an rtsp:// URL", 0);
        }
        // installers paste rtsp://user:pass@host/...: the credentials never go into the target or onto the wire in the URL
        String url = withoutUserInfo(uri);
        String username = device.username();
        String password = device.password();
        if ((username == null || username.isEmpty()) && uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            username = userInfo[0];
            password = userInfo.length > 1 ? userInfo[1] : "";
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORT;
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = guard.resolve(uri.getHost(), port);
        } catch (AddressGuard.RefusedTarget e) {
            return CheckOutcome.fail(kind(), url, CheckReason.TARGET_REFUSED, e.getMessage(), 0);
        }
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeouts.connect().toMillis()));
                socket.setTcpNoDelay(true);
            } catch (SocketTimeoutException e) {
                return CheckOutcome.fail(kind(), url, CheckReason.TIMEOUT, "no connection within "
                        + timeouts.connect().toMillis() + " ms", millisSince(start));
            } catch (ConnectException e) {
                return CheckOutcome.fail(kind(), url, CheckReason.CONNECTION_REFUSED, "connection refused", millisSince(start));
            } catch (IOException e) {
                return CheckOutcome.fail(kind(), url, CheckReason.UNREACHABLE, "unreachable", millisSince(start));
            }
            RtspConnection rtsp = new RtspConnection(socket, username, password);
            String detail = stream(rtsp, url, timeouts);
            return CheckOutcome.pass(kind(), url, detail, millisSince(start));
        } catch (RtspFailure f) {
            return CheckOutcome.fail(kind(), url, f.reason(), f.getMessage(), millisSince(start));
        } catch (IOException e) {
            return CheckOutcome.fail(kind(), url, CheckReason.PROTOCOL_ERROR, "connection failed", millisSince(start));
        }
    }

    private static String stream(RtspConnection rtsp, String url, Timeouts timeouts) throws RtspFailure {
        Duration read = timeouts.read();
        RtspResponse options = rtsp.request("OPTIONS", url, Map.of(), read);
        // OPTIONS is only a greeting: a server that does not implement it can still stream
        if (!options.success() && options.status() != 405 && options.status() != 501) {
            throw badStatus(options);
        }
        RtspResponse describe = rtsp.request("DESCRIBE", url, Map.of("Accept", "application/sdp"), read);
        if (!describe.success()) {
            throw badStatus(describe);
        }
        Sdp sdp = Sdp.parse(describe.text());
        if (sdp == null) {
            throw new RtspFailure(CheckReason.NO_MEDIA, "the stream description has no video");
        }
        String base = describe.header("Content-Base") != null ? describe.header("Content-Base")
                : describe.header("Content-Location") != null ? describe.header("Content-Location") : url;
        String track = Sdp.resolve(base, sdp.videoControl());
        RtspResponse setup = rtsp.request("SETUP", track, Map.of("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"), read);
        if (!setup.success()) {
            throw badStatus(setup);
        }
        if (rtsp.session() == null) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "SETUP answered without a session");
        }
        rtsp.rtpChannel(interleavedChannel(setup.header("Transport")));
        long playSent = System.nanoTime();
        RtspResponse play = rtsp.request("PLAY", Sdp.resolve(base, sdp.sessionControl()), Map.of("Range", "npt=0.000-"), read);
        if (!play.success()) {
            throw badStatus(play);
        }
        boolean flowing = rtsp.rtpPackets() > 0 || rtsp.awaitRtp(timeouts.media());
        long waited = (System.nanoTime() - playSent) / 1_000_000;
        teardown(rtsp, base, read);
        if (!flowing) {
            if (rtsp.badPackets() > 0) {
                throw new RtspFailure(CheckReason.PROTOCOL_ERROR, rtsp.badPackets()
                        + " packets on the video channel were not RTP version 2");
            }
            throw new RtspFailure(CheckReason.NO_MEDIA, "no RTP packet within " + timeouts.media().toMillis() + " ms after PLAY");
        }
        return "RTP received after " + waited + " ms" + (sdp.videoCodec() == null ? "" : ", " + sdp.videoCodec());
    }

    /** Ends the session so the camera frees the stream at once instead of after its session timeout; failures do not matter. */
    private static void teardown(RtspConnection rtsp, String base, Duration read) {
        try {
            // wait briefly for the answer: closing with unread stream data resets the connection, and the reset can overtake the TEARDOWN
            rtsp.request("TEARDOWN", base, Map.of(), read.compareTo(TEARDOWN_WAIT) < 0 ? read : TEARDOWN_WAIT);
        } catch (RtspFailure e) {
            // the verdict is already known
        }
    }

    /** The RTP channel the server confirmed in its Transport header ("interleaved=0-1"); 0 when it names none. */
    static int interleavedChannel(String transport) {
        if (transport == null) {
            return 0;
        }
        for (String part : transport.split(";")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("interleaved=")) {
                try {
                    return Integer.parseInt(p.substring(12).split("-")[0].trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static RtspFailure badStatus(RtspResponse response) {
        return new RtspFailure(CheckReason.BAD_STATUS, "RTSP " + response.status());
    }

    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
