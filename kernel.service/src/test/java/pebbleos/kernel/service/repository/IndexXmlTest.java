package pebbleos.kernel.service.repository;

import static org.junit.Assert.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;

import pebbleos.kernel.service.build.BundleWriter;
import pebbleos.kernel.service.resource.ManifestReader;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * A package jar written, described and indexed, then the index read back:
 * the same capabilities and requirements, typed, and a location relative to
 * the index's folder.
 */
public class IndexXmlTest {
    static byte[] packageJar(String name, String version, String requires) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", name);
        headers.put("Bundle-Version", version);
        headers.put("Bundle-Description", "the " + name + " package & <friends>");
        headers.put("Pebble-System", "system");
        headers.put("Provide-Capability", "pebble.package;pebble.package=" + name + ";version:Version=" + version);
        headers.put("Require-Capability", requires);
        return BundleWriter.write(headers, Map.of("system/bin/" + name + ".peb", "print 1\n".getBytes()));
    }

    @Test
    public void anIndexReadsBackWhatWasWritten() {
        byte[] jar = packageJar("hello", "1.2.0", "pebble.package;filter:=\"(&(pebble.package=greet)(version>=1.0.0))\"");
        PackageResource described = ManifestReader.describe(jar, "/repo/hello-1.2.0.jar", "hello-1.2.0.jar");
        byte[] xml = IndexXml.write("repo", 7, List.of(described));
        List<PackageResource> read = IndexXml.read(xml, "index", url -> "/repo/" + url);
        assertEquals(1, read.size());
        PackageResource r = read.get(0);
        assertEquals("hello", r.name());
        assertEquals(new Version(1, 2, 0), r.version());
        assertEquals("the hello package & <friends>", r.description());
        assertEquals("/repo/hello-1.2.0.jar", r.location());
        Capability pkg = r.getCapabilities("pebble.package").get(0);
        assertEquals(new Version(1, 2, 0), pkg.getAttributes().get("version"));
        assertEquals("(&(pebble.package=greet)(version>=1.0.0))",
                r.getRequirements("pebble.package").get(0).getDirectives().get("filter"));
        Capability content = r.getCapabilities("osgi.content").get(0);
        assertEquals((long) jar.length, content.getAttributes().get("size"));
        assertEquals(64, String.valueOf(content.getAttributes().get("osgi.content")).length());
    }

    @Test
    public void sameFolderSameBytes() {
        assertEquals(List.of(packageJar("a", "1.0.0", "")).get(0).length, packageJar("a", "1.0.0", "").length);
        org.junit.Assert.assertArrayEquals(packageJar("a", "1.0.0", ""), packageJar("a", "1.0.0", ""));
    }
}
