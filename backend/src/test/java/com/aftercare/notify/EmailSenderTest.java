package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail sender on its own: no SMTP host, a bad address, an SMTP server that is not there. */
class EmailSenderTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void withoutAnSmtpServerMailIsSkipped() {
        EmailSender sender = new EmailSender(null, "aftercare@localhost", Duration.ofSeconds(1), clock);

        SendResult result = sender.send("someone@example.com", "主题", "正文");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SKIPPED);
        assertThat(result.detail()).isEqualTo("no SMTP server configured");
    }

    @Test
    void aMalformedAddressFailsForGood() {
        EmailSender sender = new EmailSender(new JavaMailSenderImpl(), "aftercare@localhost", Duration.ofSeconds(1), clock);

        SendResult result = sender.send("not an address@", "s", "t");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_FOR_GOOD);
        assertThat(result.detail()).contains("not a valid e-mail address");
    }

    @Test
    void anUnreachableSmtpServerIsAFailedAttemptWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(closedPort);
        EmailSender sender = new EmailSender(smtp, "aftercare@localhost", Duration.ofSeconds(2), clock);

        SendResult result = sender.send("someone@example.com", "s", "t");

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED);
        assertThat(result.detail()).isNotBlank();
        assertThat(smtp.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "2000")
                .containsEntry("mail.smtp.connectiontimeout", "2000");
    }
}
