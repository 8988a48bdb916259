package com.aftercare.emailintake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A mail as the intake needs it, read once from the IMAP message: who sent it, the references to earlier mails, the
 * headers that mark machine mail, the text and the files. Pure data afterwards (tests build one without a server).
 *
 * @param messageId  the Message-ID, or a made-up one (hash of sender, date, subject and text) when it has none
 * @param headers    the headers the drop rules read, lower-case names, the first value each
 * @param references In-Reply-To and References, in that order
 */
record IncomingMail(String messageId, String fromAddress, String fromName, String subject, String text, List<String> references,
        Map<String, String> headers, boolean report, List<File> files) {

    /** Files a mail may carry before the rest are left out (each still under the attachment limits). */
    static final int MAX_FILES = 20;
    /** Bytes read of one file: one more than any limit, so a larger file is refused by size, not read whole. */
    static final int MAX_FILE_READ = 64 * 1024 * 1024;

    private static final List<String> HEADERS = List.of("auto-submitted", "x-autoreply", "x-autorespond", "x-autoresponder", "precedence",
            "x-loop", "return-path", "x-failed-recipients");
    private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");

    record File(String name, byte[] bytes) {
    }

    String fromLabel() {
        return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
    }

    static IncomingMail read(MimeMessage m) throws MessagingException, IOException {
        Address[] from = m.getFrom();
        String address = null;
        String name = null;
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia) {
            address = ia.getAddress() == null ? null : ia.getAddress().strip().toLowerCase(Locale.ROOT);
            name = ia.getPersonal();
        }
        String subject = m.getSubject() == null ? "" : m.getSubject().strip();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : HEADERS) {
            String v = m.getHeader(h, ",");
            if (v != null) {
                headers.put(h, v.strip());
            }
        }
        List<String> references = new ArrayList<>();
        for (String h : List.of("In-Reply-To", "References")) {
            String v = m.getHeader(h, " ");
            if (v != null) {
                Matcher ids = ID.matcher(v);
                while (ids.find()) {
                    references.add(ids.group());
                }
            }
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<File> files = new ArrayList<>();
        walk(m, plain, html, files);
        String text = plain.length() > 0 ? plain.toString() : htmlToText(html.toString());
        boolean report = m.isMimeType("multipart/report");
        String id = m.getMessageID();
        if (id == null || id.isBlank()) {
            id = "<" + sha256(address + "\n" + m.getHeader("Date", ",") + "\n" + subject + "\n" + text) + "@no-message-id>";
        }
        return new IncomingMail(id.strip(), address, name, subject, text.strip(), references, headers, report, files);
    }

    private static void walk(Part part, StringBuilder plain, StringBuilder html, List<File> files) throws MessagingException, IOException {
        String fileName = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || (fileName != null && !part.isMimeType("multipart/*"));
        if (attachment) {
            if (files.size() < MAX_FILES) {
                files.add(new File(decode(fileName), bytes(part.getInputStream())));
            }
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, plain, html, files);
            }
        } else if (part.isMimeType("text/plain") && plain.isEmpty()) {
            plain.append(part.getContent().toString());
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html.append(part.getContent().toString());
        } else if (part.isMimeType("message/rfc822") || part.isMimeType("image/*")) {
            if (files.size() < MAX_FILES) {
                files.add(new File(part.isMimeType("image/*") ? "image" : "message.eml", bytes(part.getInputStream())));
            }
        }
    }

    private static String decode(String fileName) {
        if (fileName == null) {
            return "file";
        }
        try {
            return MimeUtility.decodeText(fileName);
        } catch (UnsupportedEncodingException e) {
            return fileName;
        }
    }

    private static byte[] bytes(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && out.size() <= MAX_FILE_READ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
