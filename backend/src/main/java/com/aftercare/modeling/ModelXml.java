package com.aftercare.modeling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an uploaded model safely: no DOCTYPE (so no external or expanding entities), no XInclude,
 * no external DTD or schema fetched, and at most so many elements. Anything else is refused before
 * a rule or the engine ever sees it.
 */
final class ModelXml {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    static final String DMN_NS_PREFIX = "https://www.omg.org/spec/DMN/";
    static final String DMN_OLD_NS_PREFIX = "http://www.omg.org/spec/DMN/";
    static final int MAX_ELEMENTS = 20_000;
    /** Deeper nesting than any real model needs; the rules walk the tree recursively. */
    static final int MAX_DEPTH = 64;

    private ModelXml() {
    }

    /** Parses the model or throws {@link ModelRejectedException} naming the XML rule it broke. */
    static Document parse(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw reject("xml-doctype", "DOCTYPE and entity declarations are not allowed (no external entities)");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw reject("xml-doctype", "DOCTYPE and entity declarations are not allowed (no external entities)");
            }
            throw reject("xml-malformed", "Not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw reject("xml-malformed", "Not well-formed XML: " + e.getMessage());
        }
        int elements = document.getElementsByTagNameNS("*", "*").getLength();
        if (elements > MAX_ELEMENTS) {
            throw reject("xml-size", "The model has " + elements + " elements; at most " + MAX_ELEMENTS + " are accepted");
        }
        if (depth(document.getDocumentElement()) > MAX_DEPTH) {
            throw reject("xml-size", "The model is nested deeper than " + MAX_DEPTH + " levels");
        }
        return document;
    }

    /** Nesting depth, counted without recursion (a hostile file may nest thousands of levels). */
    private static int depth(Element root) {
        int max = 0;
        java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] { root, 1 });
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            int depth = (Integer) top[1];
            max = Math.max(max, depth);
            for (Node n = ((Element) top[0]).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    stack.push(new Object[] { child, depth + 1 });
                }
            }
        }
        return max;
    }

    /** The engine deploys a process only when it says isExecutable="true". */
    static boolean isExecutable(Element process) {
        return "true".equalsIgnoreCase(String.valueOf(process.getAttribute("isExecutable")).trim());
    }

    static boolean isBpmn(Document document) {
        Element root = document.getDocumentElement();
        return BPMN_NS.equals(root.getNamespaceURI()) && "definitions".equals(root.getLocalName());
    }

    static boolean isDmn(Document document) {
        Element root = document.getDocumentElement();
        String ns = String.valueOf(root.getNamespaceURI());
        return (ns.startsWith(DMN_NS_PREFIX) || ns.startsWith(DMN_OLD_NS_PREFIX)) && "definitions".equals(root.getLocalName());
    }

    static boolean isCamunda(String namespace) {
        return CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace);
    }

    /** Every element of the document, in document order. */
    static List<Element> all(Document document) {
        return list(document.getElementsByTagNameNS("*", "*"));
    }

    static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    static List<Element> list(NodeList nodes) {
        List<Element> result = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** A camunda:* attribute (or its legacy activiti:* spelling), or null. */
    static String camunda(Element element, String name) {
        if (element.hasAttributeNS(CAMUNDA_NS, name)) {
            return element.getAttributeNS(CAMUNDA_NS, name);
        }
        if (element.hasAttributeNS(ACTIVITI_NS, name)) {
            return element.getAttributeNS(ACTIVITI_NS, name);
        }
        return null;
    }

    static String attr(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /**
     * The element's own id, or the id of the nearest ancestor that has one; extension elements
     * (form fields, values) do not count, the owner clicks the BPMN/DMN element that holds them.
     */
    static Element identified(Element element) {
        Node n = element;
        while (n instanceof Element e) {
            if (e.hasAttribute("id") && !isCamunda(e.getNamespaceURI())) {
                return e;
            }
            n = e.getParentNode();
        }
        return element;
    }

    static ModelViolation at(String rule, Element element, String message) {
        Element owner = identified(element);
        return new ModelViolation(rule, attr(owner, "id"), attr(owner, "name"), message);
    }

    private static ModelRejectedException reject(String rule, String message) {
        return new ModelRejectedException(List.of(ModelViolation.file(rule, message)));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a model unreadable
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a security feature", e);
        }
    }
}
