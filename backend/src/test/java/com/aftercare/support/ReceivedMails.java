package com.aftercare.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** What the test JVM's SMTP server ({@link TestSmtp}) has received: the mails to an address, a mail's attachments. */
public final class ReceivedMails {

    private ReceivedMails() {
    }

    /** The mails received so far with {@code address} among their recipients (any case). */
    public static List<MimeMessage> to(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : TestSmtp.server().getReceivedMessages()) {
            try {
                Address[] recipients = m.getAllRecipients();
                if (recipients == null) {
                    continue;
                }
                for (Address a : recipients) {
                    if (a.toString().equalsIgnoreCase(address)) {
                        out.add(m);
                        break;
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The file names of a mail's attachments, in order. */
    public static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(MimeUtility.decodeText(part.getFileName()));
            }
        }
        return names;
    }

    /** The mail's first text/plain part, however deep in its multiparts. */
    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
