package com.aftercare.probes.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpTest {

    @Test
    void takesTheFirstVideoTrackAndItsCodec() {
        Sdp sdp = Sdp.parse("v=0\r\ns=x\r\na=control:*\r\nm=audio 0 RTP/AVP 0\r\na=control:track2\r\n"
                + "m=video 0 RTP/AVP 97\r\na=rtpmap:97 H265/90000\r\na=control:track1\r\nm=video 0 RTP/AVP 96\r\na=control:track3\r\n");

        assertThat(sdp.videoControl()).isEqualTo("track1");
        assertThat(sdp.videoCodec()).isEqualTo("H265");
        assertThat(sdp.sessionControl()).isEqualTo("*");
        assertThat(Sdp.parse("v=0\r\nm=audio 0 RTP/AVP 8\r\n")).isNull();
        assertThat(Sdp.parse("v=0\nm=video 0 RTP/AVP 26\n").videoCodec()).isEqualTo("JPEG");
    }

    @Test
    void resolvesControlsAgainstTheBase() {
        assertThat(Sdp.resolve("rtsp://h/a", "trackID=1")).isEqualTo("rtsp://h/a/trackID=1");
        assertThat(Sdp.resolve("rtsp://h/a/", "trackID=1")).isEqualTo("rtsp://h/a/trackID=1");
        assertThat(Sdp.resolve("rtsp://h/a/", "*")).isEqualTo("rtsp://h/a/");
        assertThat(Sdp.resolve("rtsp://h/a/", null)).isEqualTo("rtsp://h/a/");
        assertThat(Sdp.resolve("rtsp://h/a/", "rtsp://h/b/trackID=1")).isEqualTo("rtsp://h/b/trackID=1");
    }
}
