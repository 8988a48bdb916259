package com.aftercare.serviceform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

/** Test doubles for the service form's ports: visits and images handed in by the test. */
final class FakeVisits implements VisitRecords, VisitImages {

    final List<VisitRecord> visits = new ArrayList<>();
    final List<Image> photos = new ArrayList<>();
    final List<Image> signatures = new ArrayList<>();

    @Override
    public List<VisitRecord> forTicket(long ticketId) {
        return visits;
    }

    @Override
    public List<Image> photoThumbnails(long ticketId) {
        return photos;
    }

    @Override
    public Optional<Image> signature(long ticketId, long attachmentId) {
        return signatures.stream().filter(s -> s.attachmentId() == attachmentId).findFirst();
    }

    /** A real image file of the given size: a stroke drawn on white, as a phone's signature pad sends it. */
    static byte[] drawn(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.setStroke(new BasicStroke(4));
        g.drawLine(10, height - 20, width / 3, 15);
        g.drawLine(width / 3, 15, width - 10, height - 10);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
