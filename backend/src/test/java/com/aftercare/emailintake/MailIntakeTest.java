package com.aftercare.emailintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
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
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.sun.net.httpserver.HttpServer;
import com.aftercare.support.TestSmtp;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * E-mail intake against a real IMAP server (GreenMail), IN-1 / issue 15: a new mail opens a case for the sender's unit,
 * a reply to our notification joins its conversation, auto-replies, bounces and loops open nothing, an unknown sender
 * lands at the triage site, attachments are kept (refused ones noted), and the same mail seen twice opens one case.
 * Issue 15 follow-up (ADR 0043): handled mail is moved to its folder after the commit (a crash before the move opens
 * nothing twice), a reply to a recently closed case reopens it and a later one opens a linked case, the poll status is
 * in the database, and a mailbox is read with an OAuth2 token (XOAUTH2, configured or from a token endpoint).
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
        // every due delivery, not one batch of 50: the test classes that ran before in this JVM may have left more
        while (deliveries.deliverDue() > 0) {
            // next batch
        }
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
        // mail left in the folder (no processed folder set, as before ADR 0043)
        MailIntakeProperties inPlace = settings(triage.getId()).movingTo("", "");

        poller.poll(inPlace);
        // the \Seen flags lost (a crash between commit and flag, another client): all seen again
        for (MimeMessage again : imap.getReceivedMessages()) {
            again.setFlag(Flags.Flag.SEEN, false);
        }
        poller.poll(inPlace);

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

    // ---- ADR 0043: folders, reopening, status in the database, XOAUTH2 ----

    /** The mails of a folder of the test mailbox ("/" as in the settings), read as a mail client would; -1 when there is none. */
    private int countIn(String path) throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imap.getImap().getPort(), MAILBOX, "intake-pw");
            Folder f = store.getFolder(path.replace('/', store.getDefaultFolder().getSeparator()));
            if (!f.exists()) {
                return -1;
            }
            f.open(Folder.READ_ONLY);
            try {
                return f.getMessageCount();
            } finally {
                f.close(false);
            }
        }
    }

    private Map<String, Object> statusRow() {
        return jdbc.queryForMap("select * from mail_intake_status where id = 1");
    }

    @Test
    void handledMailIsMovedToTheProcessedOrDroppedFolderOnceItsCaseIsSaved() throws Exception {
        assertThat(settings(null).processedFolder()).isEqualTo("Aftercare/Processed");
        assertThat(settings(null).droppedFolder()).isEqualTo("Aftercare/Dropped");
        MimeMessage fault = mail(customerMail, "监控中心大屏黑屏", "大屏全部黑屏。");
        MimeMessage ooo = mail(customerMail, "自动回复：年假中", "12月8日返回");
        ooo.setHeader("Auto-Submitted", "auto-replied");
        ooo.saveChanges();
        inbox.deliver(fault);
        inbox.deliver(ooo);

        assertThat(poll()).isEqualTo(2);

        assertThat(casesAt(site)).hasSize(1);
        assertThat(countIn("INBOX")).as("nothing handled is left in the intake folder").isZero();
        assertThat(countIn("Aftercare/Processed")).as("created when missing").isEqualTo(1);
        assertThat(countIn("Aftercare/Dropped")).isEqualTo(1);
        assertThat(allSeen()).isTrue();
        assertThat(statusRow()).containsEntry("LAST_OPENED", 1).containsEntry("LAST_DROPPED", 1).containsEntry("LAST_MOVED", 2)
                .containsEntry("LAST_FAILED", 0);

        // a mail someone already read in a mail client is still taken in: the folder holds only mail not handled yet
        MimeMessage readInOutlook = mail(customerMail, "门口道闸不抬杆", "道闸遥控失灵。");
        inbox.deliver(readInOutlook);
        for (MimeMessage m : imap.getReceivedMessages()) {
            m.setFlag(Flags.Flag.SEEN, true);
        }
        assertThat(poll()).isEqualTo(1);
        assertThat(casesAt(site)).hasSize(2);
        assertThat(countIn("Aftercare/Processed")).isEqualTo(2);
    }

    @Test
    void aCrashBetweenTheCommitAndTheMoveOpensNoSecondCase() throws Exception {
        MimeMessage m = mail(customerMail, "光纤收发器灯不亮", "3号光纤收发器指示灯全灭。");
        inbox.deliver(m);
        // the case committed, then the node died before the move: the mail is still in the intake folder
        assertThat(poller.poll(settings(triage.getId()).movingTo("", ""))).isEqualTo(1);
        assertThat(countIn("INBOX")).isEqualTo(1);
        assertThat(countIn("Aftercare/Processed")).isEqualTo(-1);

        assertThat(poll()).isEqualTo(1);

        assertThat(casesAt(site)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from email_intake where message_id = ?", Integer.class, m.getMessageID()))
                .isEqualTo(1);
        assertThat(countIn("INBOX")).isZero();
        assertThat(countIn("Aftercare/Processed")).isEqualTo(1);
        assertThat(statusRow()).as("a mail taken in before is not counted again").containsEntry("LAST_OPENED", 0)
                .containsEntry("LAST_MOVED", 1);
    }

    private void closeAtTheDesk(Ticket ticket) {
        complete(ticket, "firstLineResolution", "t-desk",
                Map.of("category", "CONSULTATION", "solvedAtDesk", true, "deskNote", "电话指导重启后恢复"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aReplyWithinSevenDaysOfClosingReopensTheCaseAndALaterOneOpensALinkedCase() throws Exception {
        assertThat(settings(null).reopenWindow()).as("the shipped window, ADR 0043").isEqualTo(Duration.ofDays(7));
        inbox.deliver(mail(customerMail, "硬盘录像机无法回放", "昨天的录像无法回放。"));
        poll();
        Map<String, Object> opened = casesAt(site).get(0);
        long ticketId = ((Number) opened.get("id")).longValue();
        String number = (String) opened.get("number");
        Ticket ticket = tickets.get(ticketId);
        closeAtTheDesk(ticket);

        // an out-of-office answer to the closing mail reopens nothing
        clock.advance(Duration.ofDays(1));
        MimeMessage ooo = mail(customerMail, "Re: [" + number + "] 工单已关闭", "我正在休假。");
        ooo.setHeader("Auto-Submitted", "auto-replied");
        ooo.saveChanges();
        inbox.deliver(ooo);
        poll();
        assertThat(tickets.get(ticketId).getStatus()).isEqualTo(TicketStatus.CLOSED);

        // 7 days after closing, to the minute: still within the window
        clock.advance(Duration.ofDays(6));
        MimeMessage back = mail(customerMail, "Re: [" + number + "] 工单已关闭", "还是无法回放，问题又出现了。\n\n在 2026年12月4日 写道：\n> 已关闭");
        inbox.deliver(back);
        assertThat(poll()).isEqualTo(1);

        Ticket reopened = tickets.get(ticketId);
        assertThat(reopened.getStatus()).isEqualTo(TicketStatus.AT_DESK);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getClosedAt()).isNull();
        assertThat(casesAt(site)).as("no new case within the window").hasSize(1);
        assertThat(logOf(back.getMessageID())).containsEntry("OUTCOME", "REOPENED");
        assertThat(events(ticketId)).contains("REOPENED_BY_MAIL");
        assertThat(jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ? and kind = 'REOPENED'", Integer.class,
                ticketId)).isEqualTo(1);
        assertThat(openTaskKeys(reopened)).as("back at the desk's first line").contains("firstLineResolution");
        assertThat(jdbc.queryForList("select body from conversation_message where ticket_id = ?", String.class, ticketId))
                .containsExactly("还是无法回放，问题又出现了。");
        assertThat(jdbc.queryForObject("select params from ticket_event where ticket_id = ? and type = 'REOPENED_BY_MAIL'", String.class,
                ticketId)).contains(customerMail);

        // closed again; a reply more than 7 days later opens a new case linked to it
        closeAtTheDesk(reopened);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        MimeMessage late = mail(customerMail, "Re: [" + number + "] 工单已关闭", "回放又不行了。");
        inbox.deliver(late);
        poll();

        assertThat(tickets.get(ticketId).getStatus()).isEqualTo(TicketStatus.CLOSED);
        List<Map<String, Object>> all = casesAt(site);
        assertThat(all).hasSize(2);
        long followUp = ((Number) all.get(1).get("id")).longValue();
        assertThat(all.get(1).get("channel")).isEqualTo("EMAIL");
        assertThat(logOf(late.getMessageID())).containsEntry("OUTCOME", "FOLLOW_UP");
        assertThat(((Number) logOf(late.getMessageID()).get("TICKET_ID")).longValue()).isEqualTo(followUp);
        assertThat(events(followUp)).contains("EMAIL", "EMAIL_ABOUT_CLOSED_CASE", "LINKED");
        assertThat(jdbc.queryForObject("select count(*) from ticket_link where kind = 'RELATED' and low_ticket_id = ? and high_ticket_id = ?",
                Integer.class, Math.min(ticketId, followUp), Math.max(ticketId, followUp))).isEqualTo(1);
    }

    @Test
    void aStrangerNamingAClosedCaseReopensNothing() throws Exception {
        inbox.deliver(mail(customerMail, "网络交换机掉线", "核心交换机掉线。"));
        poll();
        long ticketId = ((Number) casesAt(site).get(0).get("id")).longValue();
        String number = (String) casesAt(site).get(0).get("number");
        closeAtTheDesk(tickets.get(ticketId));

        inbox.deliver(mail("stranger@elsewhere.example", "[" + number + "] 重新打开", "请重新处理。"));
        poll();

        assertThat(tickets.get(ticketId).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(casesAt(site)).hasSize(1);
        assertThat(jdbc.queryForList("select visibility from conversation_message where ticket_id = ?", String.class, ticketId))
                .containsExactly("INTERNAL");
    }

    @Test
    void thePollStatusIsInTheDatabaseSoEveryNodeShowsTheSame() throws Exception {
        inbox.deliver(mail(customerMail, "云台不转", "2号球机云台不转。"));
        poll();
        // another node has its own MailboxStatus bean on the same database
        MailboxStatus otherNode = new MailboxStatus(jdbc);
        MailboxStatus.Snapshot seen = otherNode.snapshot();
        assertThat(seen.lastPollAt()).isEqualTo(clock.instant());
        assertThat(seen.lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(seen.last().opened()).isEqualTo(1);
        assertThat(seen.polledBy()).isNotBlank();

        ResponseEntity<String> admin = rest.withBasicAuth("t-sup", PASSWORD).getForEntity("/api/admin/mail-intake", String.class);
        assertThat(admin.getBody()).contains("\"lastPoll\":{\"opened\":1,").contains("\"processedFolder\":")
                .contains("\"reopenWindowHours\":168");
    }

    @Test
    void aMailboxThatRefusesPasswordsIsReadWithAConfiguredOAuth2Token() throws Exception {
        // GreenMail checks an XOAUTH2 token against the user's password: the "token" is the only secret it knows
        String token = "ya29.a0-test-token-" + System.nanoTime();
        imap.setUser("oauth@intake.test", "oauth@intake.test", token).deliver(mail(customerMail, "门禁控制器离线", "控制器离线。"));
        MailIntakeProperties oauth = properties.at("127.0.0.1", imap.getImap().getPort(), false, "oauth@intake.test", null, triage.getId())
                .withOAuth2(new MailIntakeProperties.OAuth2(token, null, null, null, null));

        assertThat(poller.poll(oauth)).isEqualTo(1);
        assertThat(casesAt(site)).hasSize(1);

        poller.poll(properties.at("127.0.0.1", imap.getImap().getPort(), false, "oauth@intake.test", null, triage.getId())
                .withOAuth2(new MailIntakeProperties.OAuth2("expired-token", null, null, null, null)));
        assertThat(status.snapshot().lastError()).isEqualTo(MailboxStatus.ErrorKind.SIGN_IN_FAILED);
    }

    @Test
    void theTokenIsFetchedWithClientCredentialsKeptUntilItExpiresAndARefusalIsShown() throws Exception {
        String token = "eyJ0eXAi.test-" + System.nanoTime();
        imap.setUser("m365@intake.test", "m365@intake.test", token);
        AtomicInteger asked = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/tenant/oauth2/v2.0/token", exchange -> {
            String form;
            try (InputStream in = exchange.getRequestBody()) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            asked.incrementAndGet();
            boolean ok = form.contains("grant_type=client_credentials") && form.contains("client_secret=s3cret")
                    && form.contains("scope=https%3A%2F%2Foutlook.office365.com%2F.default");
            byte[] body = (ok ? "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}"
                    : "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        try {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/tenant/oauth2/v2.0/token");
            MailIntakeProperties base = properties.at("127.0.0.1", imap.getImap().getPort(), false, "m365@intake.test", null, triage.getId());
            MailIntakeProperties good = base.withOAuth2(new MailIntakeProperties.OAuth2(null, uri, "client-1", "s3cret",
                    "https://outlook.office365.com/.default"));

            assertThat(poller.poll(good)).isZero();
            assertThat(status.snapshot().lastError()).as("no earlier error in this test's status row").isNotEqualTo(
                    MailboxStatus.ErrorKind.TOKEN_FAILED);
            poller.poll(good);
            assertThat(asked.get()).as("one token for polls within its lifetime").isEqualTo(1);
            clock.advance(Duration.ofSeconds(3599).minus(MailAccessToken.MARGIN));
            poller.poll(good);
            assertThat(asked.get()).as("renewed a minute before it expires").isEqualTo(2);

            poller.poll(base.withOAuth2(new MailIntakeProperties.OAuth2(null, uri, "client-2", "wrong", "https://outlook.office365.com/.default")));
            MailboxStatus.Snapshot s = status.snapshot();
            assertThat(s.lastError()).isEqualTo(MailboxStatus.ErrorKind.TOKEN_FAILED);
            assertThat(s.lastErrorDetail()).contains("invalid_client").doesNotContain("wrong");
        } finally {
            endpoint.stop(0);
        }
    }
}
