package pebbleos.kernel.service.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.bundle.AttributeTypes;
import pebbleos.kernel.service.resource.ManifestReader;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * The OSGi Repository index (Repository Service specification, "XML
 * Repository Format", namespace {@value #NAMESPACE}), as bnd writes it:
 * {@code <repository>} of {@code <resource>}s, each a list of
 * {@code <capability>} and {@code <requirement>} elements with typed
 * {@code <attribute>}s and {@code <directive>}s. Each resource's bytes are
 * at the {@code url} of its {@code osgi.content} capability, relative to the
 * index. Reads plain or gzipped indexes; writes plain XML.
 */
public final class IndexXml {
    public static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";

    private IndexXml() {
    }

    /**
     * The resources of an index. {@code locate} turns a content URL (relative
     * to the index) into the location a resource is installed from.
     */
    public static List<PackageResource> read(byte[] index, String where, Function<String, String> locate) {
        Document doc = parse(index, where);
        Element root = doc.getDocumentElement();
        if (!"repository".equals(root.getLocalName())) {
            throw new PebbleException(Errno.INVAL, where + ": not an OSGi repository index (no <repository>)");
        }
        List<PackageResource> out = new ArrayList<>();
        for (Element resource : children(root, "resource")) {
            if (synthetic(resource, where)) {
                continue;
            }
            String url = null;
            for (Element cap : children(resource, "capability")) {
                if (ManifestReader.CONTENT_NAMESPACE.equals(cap.getAttribute("namespace"))) {
                    url = String.valueOf(attributes(cap, where).get("url"));
                }
            }
            PackageResource r = new PackageResource(url == null ? null : locate.apply(url));
            for (Element cap : children(resource, "capability")) {
                r.addCapability(cap.getAttribute("namespace"), attributes(cap, where), directives(cap));
            }
            for (Element req : children(resource, "requirement")) {
                if (req.getAttribute("namespace").startsWith(BND_NAMESPACES)) {
                    continue;
                }
                r.addRequirement(req.getAttribute("namespace"), attributes(req, where), directives(req));
            }
            if (!r.name().isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * bnd's indexer describes each Java release of a multi-release jar as a
     * synthetic resource ({@code type=bnd.synthetic}) that the jar requires in
     * {@code bnd.*} namespaces: a model for bnd's own resolver. The framework
     * picks a release's classes itself, so both are left out here.
     */
    private static boolean synthetic(Element resource, String where) {
        for (Element cap : children(resource, "capability")) {
            if ("osgi.identity".equals(cap.getAttribute("namespace"))
                    && "bnd.synthetic".equals(String.valueOf(attributes(cap, where).get("type")))) {
                return true;
            }
        }
        return false;
    }

    private static final String BND_NAMESPACES = "bnd.";

    private static Document parse(byte[] index, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            InputStream in = new ByteArrayInputStream(index);
            if (index.length > 2 && (index[0] & 0xff) == 0x1f && (index[1] & 0xff) == 0x8b) {
                in = new GZIPInputStream(in);
            }
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PebbleException(Errno.INVAL, where + ": not a readable index: " + e.getMessage());
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Object> attributes(Element element, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Element a : children(element, "attribute")) {
            String type = a.hasAttribute("type") ? a.getAttribute("type") : null;
            try {
                out.put(a.getAttribute("name"), AttributeTypes.convert(type, a.getAttribute("value")));
            } catch (PebbleException e) {
                throw new PebbleException(Errno.INVAL, where + ": attribute " + a.getAttribute("name") + ": "
                        + e.getMessage());
            }
        }
        return out;
    }

    private static Map<String, String> directives(Element element) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element d : children(element, "directive")) {
            out.put(d.getAttribute("name"), d.getAttribute("value"));
        }
        return out;
    }

    /** An index of {@code resources}, named {@code name}, with {@code increment} as its revision stamp. */
    public static byte[] write(String name, long increment, List<PackageResource> resources) {
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<repository xmlns=\"").append(NAMESPACE).append("\" name=\"").append(escape(name))
                .append("\" increment=\"").append(increment).append("\">\n");
        for (PackageResource r : resources) {
            xml.append("  <resource>\n");
            for (Capability c : r.getCapabilities(null)) {
                element(xml, "capability", c.getNamespace(), c.getAttributes(), c.getDirectives());
            }
            for (Requirement q : r.getRequirements(null)) {
                element(xml, "requirement", q.getNamespace(), q.getAttributes(), q.getDirectives());
            }
            xml.append("  </resource>\n");
        }
        xml.append("</repository>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String tag, String namespace, Map<String, Object> attributes,
            Map<String, String> directives) {
        xml.append("    <").append(tag).append(" namespace=\"").append(escape(namespace)).append("\">\n");
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            xml.append("      <attribute name=\"").append(escape(a.getKey())).append('"');
            String type = AttributeTypes.typeOf(a.getValue());
            if (type != null) {
                xml.append(" type=\"").append(escape(type)).append('"');
            }
            xml.append(" value=\"").append(escape(AttributeTypes.text(a.getValue()))).append("\"/>\n");
        }
        for (Map.Entry<String, String> d : directives.entrySet()) {
            xml.append("      <directive name=\"").append(escape(d.getKey())).append("\" value=\"")
                    .append(escape(d.getValue())).append("\"/>\n");
        }
        xml.append("    </").append(tag).append(">\n");
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
