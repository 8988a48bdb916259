package com.aftercare.probes.isapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads ISAPI answers. Elements are matched by local name, so the namespaces of older and newer firmware
 * (http://www.hikvision.com/ver20/XMLSchema, http://www.isapi.org/ver20/XMLSchema) read alike. DOCTYPEs
 * are refused: the XML comes from a device on a customer's network and must not make us fetch or expand anything.
 */
final class IsapiXml {

    private IsapiXml() {
    }

    /** The parsed document, or null when the text is not well-formed XML. */
    static Document parse(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    /** Every element with this local name anywhere below root, in document order. */
    static List<Element> all(Node root, String localName) {
        List<Element> out = new ArrayList<>();
        var nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The trimmed text of parent's first direct child with this local name; null when there is none. */
    static String child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** A device's token (status word, id) made safe for a detail: letters, digits and a few marks, at most 40. */
    static String token(String s) {
        if (s == null) {
            return "?";
        }
        String clean = s.replaceAll("[^A-Za-z0-9 _./-]", "");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
