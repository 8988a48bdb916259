package com.aftercare.probes.onvif;

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
import org.w3c.dom.NodeList;

/** SOAP 1.2 envelopes for the ONVIF services and the few DOM look-ups the checks need; XML from devices is parsed without DTDs or entities. */
final class Soap {

    static final String ENV = "http://www.w3.org/2003/05/soap-envelope";
    static final String TT = "http://www.onvif.org/ver10/schema";
    static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";
    static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";
    static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";

    private Soap() {
    }

    /** An envelope whose body is one operation; the body may use the prefixes tds, trt, tptz and tt. */
    static String envelope(String securityHeader, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + ENV + "\" xmlns:tds=\"" + DEVICE + "\" xmlns:trt=\"" + MEDIA + "\" xmlns:tptz=\""
                + PTZ + "\" xmlns:tt=\"" + TT + "\">"
                + (securityHeader == null ? "" : "<s:Header>" + securityHeader + "</s:Header>")
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** null when the text is not well-formed XML. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() { // the default handler prints device XML errors to stderr
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    /** The first element with this local name below the node, in any namespace; null if none. */
    static Element first(Node node, String localName) {
        NodeList list = node instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) node).getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    static List<Element> all(Node node, String localName) {
        NodeList list = node instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) node).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** The trimmed text of the first element with this local name, or null. */
    static String text(Node node, String localName) {
        Element e = first(node, localName);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim();
        return t.isEmpty() ? null : t;
    }

    /** The first element child of the SOAP body, or null. */
    static Element bodyChild(Document doc) {
        Element body = first(doc, "Body");
        if (body == null || !ENV.equals(body.getNamespaceURI())) {
            return null;
        }
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** The local names of a fault's code and subcodes ("Sender", "NotAuthorized"), outermost first. */
    static List<String> faultCodes(Element fault) {
        List<String> codes = new ArrayList<>();
        for (Element value : all(fault, "Value")) {
            String v = value.getTextContent().trim();
            codes.add(v.contains(":") ? v.substring(v.indexOf(':') + 1) : v);
        }
        return codes;
    }

    /** A device-sent word cut down to something safe to put in a detail: printable, at most 64 characters. */
    static String shown(String deviceText) {
        if (deviceText == null) {
            return "?";
        }
        String s = deviceText.replaceAll("[^\\p{L}\\p{N} ._()/+,:-]", "").trim();
        return s.isEmpty() ? "?" : s.length() > 64 ? s.substring(0, 64) : s;
    }
}
