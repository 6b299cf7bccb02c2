package io.chatpulse.benchmarks.report;

import io.chatpulse.localstack.clickhouse.ChdbLibrary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The versions of what was measured, as the root pom.xml pins them and local-stack fetches chDB. */
final class Versions {

    private record PomProperty(String label, String name) {
    }

    private static final List<PomProperty> PROPERTIES = List.of(new PomProperty("Kafka", "kafka.version"),
            new PomProperty("Flink", "flink.version"), new PomProperty("Avro", "avro.version"),
            new PomProperty("ClickHouse JDBC", "clickhouse-jdbc.version"));

    private Versions() {
    }

    /** Label -> version, in the order the report lists them. */
    static Map<String, String> read(Path rootPom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(rootPom.toFile()).getDocumentElement();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Spring Boot (parent)", text(child(project, "parent"), "version"));
        for (PomProperty property : PROPERTIES) {
            versions.put(property.label(), text(child(project, "properties"), property.name()));
        }
        versions.put("chDB (libchdb)", ChdbLibrary.VERSION);
        return versions;
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    private static String text(Element parent, String name) {
        Element element = parent == null ? null : child(parent, name);
        return element == null ? "not in pom.xml" : element.getTextContent().strip();
    }
}
