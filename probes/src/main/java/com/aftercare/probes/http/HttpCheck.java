package com.aftercare.probes.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.net.Failures;
import com.aftercare.probes.net.PinnedHttp;

/**
 * HTTP(S) GET on the device's URL. 2xx, 3xx and 401 count as alive (cameras often answer 401 without
 * credentials); 404 or 5xx do not. Only a classification is recorded, never what the target sent.
 */
public final class HttpCheck implements DeviceCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.HTTP;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        String url = device.httpUrl();
        if (url == null || url.isBlank()) {
            return CheckOutcome.notConfigured(kind(), "httpUrl");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return CheckOutcome.fail(kind(), url, CheckReason.NOT_CONFIGURED, "not a valid URL", 0);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "not a usable URL", 0);
        }
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = guard.resolve(uri.getHost(), PinnedHttp.port(uri));
        } catch (AddressGuard.RefusedTarget e) {
            return CheckOutcome.fail(kind(), url, CheckReason.TARGET_REFUSED, e.getMessage(), 0);
        }
        try {
            int status = new PinnedHttp(timeouts.connect(), timeouts.read()).send("GET", uri, address, null, null,
                    device.tlsInsecure()).status();
            boolean alive = (status >= 200 && status < 400) || status == 401;
            return alive ? CheckOutcome.pass(kind(), url, "HTTP " + status, millisSince(start))
                    : CheckOutcome.fail(kind(), url, CheckReason.BAD_STATUS, "HTTP " + status, millisSince(start));
        } catch (PinnedHttp.Failure e) {
            return CheckOutcome.fail(kind(), url, Failures.reason(e), e.getMessage(), millisSince(start));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
