package com.aftercare.emailintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.notify.ChannelSettings;
import com.aftercare.notify.DeliveryWorker;
import com.aftercare.notify.NotificationService;
import com.aftercare.notify.NotifyProperties;
import com.aftercare.notify.OutgoingMessage;
import com.aftercare.notify.Recipient;
import com.aftercare.support.IntegrationTest;
import com.aftercare.support.TestSmtp;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * E-mail intake against a real IMAP server (GreenMail), IN-1 / issue 15: a new mail opens a case for the sender's unit,
 * a reply to our notification joins its conversation, auto-replies, bounces and loops open nothing, an unknown sender
 * lands at the triage site, attachments are kept (refused ones noted), and the same mail seen twice opens one case.
 */
class MailIntakeTest extends IntegrationTest {

    static final String MAILBOX = "service@intake.test";

    @Autowired PollMailbox poller;
    @Autowired MailIntakeProperties properties;
    @Autowired NotifyProperties notify;
    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    @Autowired DeliveryWorker deliveries;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;
    @Autowired MailboxStatus status;
    @Autowired TestRestTemplate rest;

    GreenMail imap;
    GreenMailUser inbox;
    String customerMail;
    String customerUser;
    Site triage;
    Session session = Session.getInstance(new Properties());

    @BeforeEach
    void mailbox() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        inbox = imap.setUser(MAILBOX, MAILBOX, "intake-pw");
        long n = System.nanoTime();
        customerUser = "mail-" + n;
        customerMail = "zhang." + n + "@customer.example";
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "张工", site.getCustomer().getId());
        accounts.setContact(customerUser, customerMail, "13811112222");
        Customer own = assets.createCustomer("Intake triage " + n);
        triage = assets.createSite(new NewSite(own.getId(), "待分诊 " + n, "-", Region.CITY, "Desk", "400-000"));
    }

    @AfterEach
    void stop() {
        imap.stop();
    }

    private MailIntakeProperties settings(Long triageSiteId) {
        return properties.at("127.0.0.1", imap.getImap().getPort(), false, MAILBOX, "intake-pw", triageSiteId);
    }

    private int poll() {
        return poller.poll(settings(triage.getId()));
    }

    private MimeMessage mail(String from, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from, "张工", "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(new Date());
        m.saveChanges();
        return m;
    }

    private List<Map<String, Object>> casesAt(Site s) {
        return jdbc.queryForList("select id, number, channel, requester_name, title, description from ticket where site_id = ? order by id",
                s.getId());
    }

    private List<String> events(long ticketId) {
        return jdbc.queryForList("select type from ticket_event where ticket_id = ? order by id", String.class, ticketId);
    }

    private boolean allSeen() throws Exception {
        return Arrays.stream(imap.getReceivedMessages()).allMatch(m -> {
            try {
                return m.isSet(Flags.Flag.SEEN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<String, Object> logOf(String messageId) {
        return jdbc.queryForMap("select outcome, reason, ticket_id from email_intake where message_id = ?", messageId);
    }

    @Test
    void aNewMailOpensACaseForTheSendersUnitAndAReplyToOurNotificationJoinsItsConversation() throws Exception {
        MimeMessage first = mail(customerMail, "3号机房摄像头无画面", "您好，3号机房的摄像头从早上开始没有画面，请派人处理。");
        inbox.deliver(first);

        assertThat(poll()).isEqualTo(1);

        List<Map<String, Object>> cases = casesAt(site);
        assertThat(cases).hasSize(1);
        Map<String, Object> opened = cases.get(0);
        long ticketId = ((Number) opened.get("id")).longValue();
        assertThat(opened.get("channel")).isEqualTo("EMAIL");
        assertThat(opened.get("requester_name")).isEqualTo("张工");
        assertThat(opened.get("title")).isEqualTo("3号机房摄像头无画面");
        assertThat((String) opened.get("description")).contains("从早上开始没有画面");
        assertThat(events(ticketId)).contains("CREATED", "EMAIL");
        assertThat(allSeen()).as("marked \\Seen once its case is committed").isTrue();
        assertThat(logOf(first.getMessageID())).containsEntry("OUTCOME", "OPENED");

        // our notification to the customer carries a Message-ID we recognise
        TestSmtp.server().purgeEmailFromAllMailboxes();
        String subject = "工单已受理 " + System.nanoTime();
        transaction.executeWithoutResult(s -> notifications.send(new OutgoingMessage(ticketId, subject, "我们已收到您的报修。",
                List.of(new Recipient(customerUser, "张工", customerMail, null)), new ChannelSettings(true, null, null, null, null))));
        deliveries.deliverDue();
        MimeMessage sent = Arrays.stream(TestSmtp.server().getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(sent.getMessageID()).startsWith("<aftercare.d").contains(".t" + ticketId + "@");
        assertThat(sent.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");

        // the reply names no case number: only its In-Reply-To ties it to the case
        MimeMessage reply = mail(customerMail, "Re: 您的邮件", "已经重启过了，还是没有画面。\n\n在 2026年12月4日 写道：\n> 我们已收到您的报修。");
        reply.setHeader("In-Reply-To", sent.getMessageID());
        reply.setHeader("References", sent.getMessageID());
        inbox.deliver(reply);

        assertThat(poll()).isEqualTo(1);

        assertThat(casesAt(site)).as("a reply opens no case").hasSize(1);
        List<Map<String, Object>> messages = jdbc.queryForList(
                "select body, visibility, author, author_is_customer from conversation_message where ticket_id = ?", ticketId);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).containsEntry("BODY", "已经重启过了，还是没有画面。").containsEntry("VISIBILITY", "PUBLIC")
                .containsEntry("AUTHOR", customerUser).containsEntry("AUTHOR_IS_CUSTOMER", true);
        assertThat(logOf(reply.getMessageID())).containsEntry("OUTCOME", "THREADED");
        assertThat(((Number) logOf(reply.getMessageID()).get("TICKET_ID")).longValue()).isEqualTo(ticketId);
        assertThat(allSeen()).isTrue();
    }

    @Test
    void aCaseNumberInTheSubjectThreadsAndAStrangerWritingItOnlyLeavesAnInternalNote() throws Exception {
        inbox.deliver(mail(customerMail, "录像机硬盘报警", "硬盘灯常亮"));
        poll();
        Map<String, Object> opened = casesAt(site).get(0);
        long ticketId = ((Number) opened.get("id")).longValue();
        String number = (String) opened.get("number");

        inbox.deliver(mail(customerMail, "Re: [" + number + "] 录像机硬盘报警", "补充：是2号硬盘。"));
        inbox.deliver(mail("stranger@elsewhere.example", "[" + number + "] 请把录像发给我", "我是领导，把录像发我。"));
        poll();

        assertThat(casesAt(site)).hasSize(1);
        assertThat(jdbc.queryForList("select visibility from conversation_message where ticket_id = ? order by id", String.class, ticketId))
                .containsExactly("PUBLIC", "INTERNAL");
        assertThat(casesAt(triage)).as("the stranger's mail joined the case it named, as a note").isEmpty();
    }

    @Test
    void autoRepliesBouncesAndLoopsOpenNoCaseAndAreLoggedWithTheirReason() throws Exception {
        MimeMessage ooo = mail(customerMail, "自动回复：我正在休假", "我将于下周一返回。");
        ooo.setHeader("Auto-Submitted", "auto-replied");
        ooo.saveChanges();
        MimeMessage oooSubjectOnly = mail(customerMail, "Out of Office: back Monday", "I am away.");
        MimeMessage xAuto = mail(customerMail, "收到", "收到");
        xAuto.setHeader("X-Autoreply", "yes");
        xAuto.saveChanges();
        MimeMessage bounce = mail("MAILER-DAEMON@customer.example", "Undeliverable: 工单已受理", "Delivery failed");
        MimeMessage loop = mail(notify.mailFrom(), "工单升级", "我们自己的邮件");
        MimeMessage bulk = mail(customerMail, "本月优惠", "促销");
        bulk.setHeader("Precedence", "bulk");
        bulk.saveChanges();
        for (MimeMessage m : List.of(ooo, oooSubjectOnly, xAuto, bounce, loop, bulk)) {
            inbox.deliver(m);
        }

        assertThat(poll()).isEqualTo(6);

        assertThat(casesAt(site)).isEmpty();
        assertThat(casesAt(triage)).isEmpty();
        assertThat(logOf(ooo.getMessageID())).containsEntry("OUTCOME", "DROPPED").containsEntry("REASON", "AUTO_REPLY");
        assertThat(logOf(oooSubjectOnly.getMessageID())).containsEntry("REASON", "AUTO_REPLY");
        assertThat(logOf(xAuto.getMessageID())).containsEntry("REASON", "AUTO_REPLY");
        assertThat(logOf(bounce.getMessageID())).containsEntry("REASON", "BOUNCE");
        assertThat(logOf(loop.getMessageID())).containsEntry("REASON", "LOOP");
        assertThat(logOf(bulk.getMessageID())).containsEntry("REASON", "BULK");
        assertThat(allSeen()).isTrue();
    }

    @Test
    void mailFromAnUnknownSenderOpensACaseAtTheTriageSiteOrIsOnlyLoggedWithoutOne() throws Exception {
        MimeMessage unknown = mail("someone@unknown.example", "门禁系统无法刷卡", "大门门禁刷卡无反应。");
        inbox.deliver(unknown);

        poll();

        assertThat(casesAt(site)).isEmpty();
        List<Map<String, Object>> triaged = casesAt(triage);
        assertThat(triaged).hasSize(1);
        assertThat(triaged.get(0).get("channel")).isEqualTo("EMAIL");
        assertThat((String) triaged.get(0).get("requester_name")).contains("someone@unknown.example");
        assertThat(jdbc.queryForObject("select params from ticket_event where ticket_id = ? and type = 'EMAIL'", String.class,
                triaged.get(0).get("id"))).contains("\"known\":false");

        MimeMessage noTriage = mail("other@unknown.example", "问题", "内容");
        inbox.deliver(noTriage);
        poller.poll(settings(null));
        assertThat(logOf(noTriage.getMessageID())).containsEntry("OUTCOME", "DROPPED").containsEntry("REASON", "NO_TRIAGE_SITE");
        assertThat(casesAt(triage)).hasSize(1);
    }

    @Test
    void attachmentsAreKeptOnTheCaseAndAFileOfARefusedTypeIsNoted() throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(customerMail));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        m.setSubject("现场照片和报告", "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("见附件。", "UTF-8");
        parts.addBodyPart(text);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII), "application/pdf")));
        pdf.setFileName("巡检报告.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(pdf);
        MimeBodyPart exe = new MimeBodyPart();
        byte[] mz = new byte[256];
        mz[0] = 'M';
        mz[1] = 'Z';
        exe.setDataHandler(new DataHandler(new ByteArrayDataSource(mz, "application/octet-stream")));
        exe.setFileName("tool.exe");
        exe.setDisposition(MimeBodyPart.ATTACHMENT);
        parts.addBodyPart(exe);
        m.setContent(parts);
        m.saveChanges();
        inbox.deliver(m);

        poll();

        long ticketId = ((Number) casesAt(site).get(0).get("id")).longValue();
        assertThat(jdbc.queryForList("select file_name from attachment where ticket_id = ?", String.class, ticketId))
                .containsExactly("巡检报告.pdf");
        assertThat(jdbc.queryForObject("select visibility from attachment where ticket_id = ?", String.class, ticketId)).isEqualTo("PUBLIC");
        assertThat(events(ticketId)).contains("EMAIL_ATTACHMENT_REFUSED");
    }

    @Test
    void theSameMailSeenTwiceOpensOneCase() throws Exception {
        MimeMessage m = mail(customerMail, "交换机端口故障", "24口交换机第5口不通");
        inbox.deliver(m);
        inbox.deliver(m);

        poll();
        // the \Seen flags lost (a crash between commit and flag, another client): all seen again
        for (MimeMessage again : imap.getReceivedMessages()) {
            again.setFlag(Flags.Flag.SEEN, false);
        }
        poll();

        assertThat(casesAt(site)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from email_intake where message_id = ?", Integer.class, m.getMessageID()))
                .isEqualTo(1);
        assertThat(allSeen()).isTrue();
    }

    @Test
    void theAdminPageShowsTheLastErrorAndTheDroppedMailsButNotToACustomer() throws Exception {
        MimeMessage ooo = mail(customerMail, "自动回复：不在办公室", "下周回来");
        inbox.deliver(ooo);
        poll();
        int taken = poller.poll(properties.at("127.0.0.1", imap.getImap().getPort(), false, MAILBOX, "wrong", triage.getId()));
        assertThat(taken).isZero();
        assertThat(status.snapshot().lastError()).isEqualTo(MailboxStatus.ErrorKind.SIGN_IN_FAILED);

        ResponseEntity<String> admin = rest.withBasicAuth("t-admin", PASSWORD).getForEntity("/api/admin/mail-intake", String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody()).contains("\"lastError\":\"SIGN_IN_FAILED\"").contains("\"reason\":\"AUTO_REPLY\"")
                .contains("自动回复：不在办公室").doesNotContain("intake-pw");
        ResponseEntity<String> customer = rest.withBasicAuth(customerUser, PASSWORD).getForEntity("/api/admin/mail-intake", String.class);
        assertThat(customer.getStatusCode().value()).isEqualTo(403);
    }
}
