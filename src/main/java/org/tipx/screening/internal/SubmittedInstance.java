package org.tipx.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import org.tipx.shared.InvalidInputException;

/**
 * An XForm instance as ODK Collect submits it ({@code xml_submission_file}), read into answers by question name.
 * Parsed with DTDs and external entities refused, so a hostile file cannot read local files or expand entities, and
 * only after a streaming pass has checked that elements nest at most {@value #MAX_DEPTH} levels deep (the form nests
 * four), so a hostile file cannot exhaust the stack of whatever walks the tree.
 *
 * @param formId      the instance's form id (root {@code id} attribute)
 * @param formVersion its version (root {@code version} attribute)
 * @param answers     every leaf's text by element name
 */
public record SubmittedInstance(String formId, String formVersion, Map<String, String> answers) {

	/** The deepest nesting of elements accepted. */
	public static final int MAX_DEPTH = 64;

	/** Reads a submitted instance, or refuses it naming what is wrong. */
	public static SubmittedInstance read(byte[] xml) {
		checkDepth(xml);
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			document = builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXException e) {
			throw new InvalidInputException("xml_submission_file", "is not well-formed XML: " + e.getMessage());
		}
		catch (IOException | ParserConfigurationException e) {
			throw new InvalidInputException("xml_submission_file", "cannot be read: " + e.getMessage());
		}
		Element root = document.getDocumentElement();
		String formId = root.getAttribute("id");
		if (formId.isBlank()) {
			throw new InvalidInputException("xml_submission_file", "has no form id on its root element");
		}
		Map<String, String> answers = new LinkedHashMap<>();
		collect(root, answers);
		return new SubmittedInstance(formId, root.getAttribute("version"), answers);
	}

	/** Refuses a file nested deeper than {@link #MAX_DEPTH}, reading it as a stream so depth itself costs nothing. */
	private static void checkDepth(byte[] xml) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		int depth = 0;
		try {
			XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			try {
				while (reader.hasNext()) {
					int event = reader.next();
					if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
						throw new InvalidInputException("xml_submission_file",
								"nests elements deeper than " + MAX_DEPTH + " levels");
					}
					if (event == XMLStreamConstants.END_ELEMENT) {
						depth--;
					}
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException e) {
			// not well-formed: the DOM parse that follows names the problem in its own words
		}
	}

	private static void collect(Element element, Map<String, String> answers) {
		boolean leaf = true;
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				leaf = false;
				collect(nested, answers);
			}
		}
		if (leaf && element.getParentNode() instanceof Element) {
			String text = element.getTextContent().strip();
			if (!text.isEmpty()) {
				String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
				if (answers.put(name, text) != null) {
					throw new InvalidInputException("xml_submission_file", "answers " + name + " twice");
				}
			}
		}
	}
}
