package pebbleos.kernel.service.resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.resource.Namespace;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.bundle.HeaderClause;

/**
 * What a bundle jar offers and needs, read from its manifest the way the
 * framework reads it: its identity, the packages it exports and imports,
 * {@code Provide-Capability} and {@code Require-Capability},
 * {@code Require-Bundle} and {@code Fragment-Host}. This is what the
 * resolver works on before a jar is installed and what a repository index
 * records of each jar.
 */
public final class ManifestReader {
    /** The IANA type the OSGi Repository specification gives bundle content. */
    public static final String BUNDLE_MIME = "application/vnd.osgi.bundle";
    public static final String CONTENT_NAMESPACE = "osgi.content";

    private ManifestReader() {
    }

    /** The manifest of jar bytes; INVAL for anything that is not a bundle jar. */
    public static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new PebbleException(Errno.INVAL, "not a bundle: the jar has no manifest");
            }
            // read every entry: a truncated jar fails here instead of at install time
            while (in.getNextJarEntry() != null) {
                in.readAllBytes();
            }
            return manifest;
        } catch (IOException e) {
            throw new PebbleException(Errno.INVAL, "not a bundle: " + e.getMessage());
        }
    }

    /** The resource a jar describes, with its content (digest, size, {@code url}) recorded. */
    public static PackageResource describe(byte[] jar, String location, String url) {
        PackageResource r = describe(manifest(jar).getMainAttributes(), location);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(CONTENT_NAMESPACE, sha256(jar));
        content.put("url", url);
        content.put("size", (long) jar.length);
        content.put("mime", BUNDLE_MIME);
        r.addCapability(CONTENT_NAMESPACE, content, Map.of());
        return r;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource an installed bundle's headers describe (the framework's own view leaves out services). */
    public static PackageResource describe(Dictionary<String, String> headers, String location) {
        Attributes attributes = new Attributes();
        for (Enumeration<String> keys = headers.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            try {
                attributes.putValue(key, headers.get(key));
            } catch (IllegalArgumentException e) {
                // a header name a jar manifest could not carry: not one that describes the bundle
            }
        }
        return describe(attributes, location);
    }

    /** The resource the main attributes of a manifest describe. */
    public static PackageResource describe(Attributes headers, String location) {
        String bsnHeader = headers.getValue(Constants.BUNDLE_SYMBOLICNAME);
        List<HeaderClause> bsn = HeaderClause.parse(Constants.BUNDLE_SYMBOLICNAME, bsnHeader);
        if (bsn.isEmpty()) {
            throw new PebbleException(Errno.INVAL, "not a bundle: the manifest has no Bundle-SymbolicName");
        }
        String name = bsn.get(0).paths().get(0);
        Version version = version(headers.getValue(Constants.BUNDLE_VERSION));
        boolean fragment = headers.getValue(Constants.FRAGMENT_HOST) != null;
        PackageResource r = new PackageResource(location);

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put(IdentityNamespace.IDENTITY_NAMESPACE, name);
        identity.put(IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE,
                fragment ? IdentityNamespace.TYPE_FRAGMENT : IdentityNamespace.TYPE_BUNDLE);
        identity.put(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE, version);
        String description = headers.getValue(Constants.BUNDLE_DESCRIPTION);
        if (description != null) {
            identity.put(IdentityNamespace.CAPABILITY_DESCRIPTION_ATTRIBUTE, description);
        }
        r.addCapability(IdentityNamespace.IDENTITY_NAMESPACE, identity, Map.of());
        if (!fragment) {
            r.addCapability(BundleNamespace.BUNDLE_NAMESPACE, Map.of(BundleNamespace.BUNDLE_NAMESPACE, name,
                    BundleNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE, version), Map.of());
            r.addCapability(HostNamespace.HOST_NAMESPACE, Map.of(HostNamespace.HOST_NAMESPACE, name,
                    HostNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE, version), Map.of());
        }
        exports(r, headers.getValue(Constants.EXPORT_PACKAGE), name, version);
        imports(r, headers.getValue(Constants.IMPORT_PACKAGE));
        generic(r, headers.getValue(Constants.PROVIDE_CAPABILITY), true);
        generic(r, headers.getValue(Constants.REQUIRE_CAPABILITY), false);
        for (HeaderClause c : HeaderClause.parse(Constants.REQUIRE_BUNDLE, headers.getValue(Constants.REQUIRE_BUNDLE))) {
            r.addRequirement(BundleNamespace.BUNDLE_NAMESPACE, Map.of(), wiringFilter(BundleNamespace.BUNDLE_NAMESPACE,
                    c.paths().get(0), BundleNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE,
                    c.attributes().get(Constants.BUNDLE_VERSION_ATTRIBUTE), c.directives()));
        }
        for (HeaderClause c : HeaderClause.parse(Constants.FRAGMENT_HOST, headers.getValue(Constants.FRAGMENT_HOST))) {
            r.addRequirement(HostNamespace.HOST_NAMESPACE, Map.of(), wiringFilter(HostNamespace.HOST_NAMESPACE,
                    c.paths().get(0), HostNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE,
                    c.attributes().get(Constants.BUNDLE_VERSION_ATTRIBUTE), c.directives()));
        }
        return r;
    }

    private static Version version(String text) {
        try {
            return text == null ? Version.emptyVersion : Version.parseVersion(text.strip());
        } catch (IllegalArgumentException e) {
            throw new PebbleException(Errno.INVAL, "bad Bundle-Version header: '" + text + "'");
        }
    }

    private static void exports(PackageResource r, String header, String bundle, Version bundleVersion) {
        for (HeaderClause c : HeaderClause.parse(Constants.EXPORT_PACKAGE, header)) {
            for (String pkg : c.paths()) {
                Map<String, Object> attrs = c.typedAttributes(Constants.EXPORT_PACKAGE);
                attrs.put(PackageNamespace.PACKAGE_NAMESPACE, pkg);
                attrs.put(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE,
                        version(String.valueOf(attrs.getOrDefault(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, "0"))));
                attrs.put(PackageNamespace.CAPABILITY_BUNDLE_SYMBOLICNAME_ATTRIBUTE, bundle);
                attrs.put(PackageNamespace.CAPABILITY_BUNDLE_VERSION_ATTRIBUTE, bundleVersion);
                r.addCapability(PackageNamespace.PACKAGE_NAMESPACE, attrs, c.directives());
            }
        }
    }

    private static void imports(PackageResource r, String header) {
        for (HeaderClause c : HeaderClause.parse(Constants.IMPORT_PACKAGE, header)) {
            for (String pkg : c.paths()) {
                r.addRequirement(PackageNamespace.PACKAGE_NAMESPACE, Map.of(), wiringFilter(
                        PackageNamespace.PACKAGE_NAMESPACE, pkg, PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE,
                        c.attributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE), c.directives()));
            }
        }
    }

    /** A requirement's directives: a filter on the name and a version range, and the clause's own directives. */
    private static Map<String, String> wiringFilter(String namespace, String name, String versionAttribute,
            String range, Map<String, String> clauseDirectives) {
        StringBuilder filter = new StringBuilder("(").append(namespace).append('=').append(name).append(')');
        if (range != null) {
            try {
                filter.insert(0, "(&").append(new VersionRange(range.strip()).toFilterString(versionAttribute))
                        .append(')');
            } catch (IllegalArgumentException e) {
                throw new PebbleException(Errno.INVAL, "bad version range '" + range + "' for " + name);
            }
        }
        Map<String, String> directives = new HashMap<>();
        String resolution = clauseDirectives.get(Constants.RESOLUTION_DIRECTIVE);
        if (resolution != null) {
            directives.put(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE, resolution);
        }
        directives.put(Namespace.REQUIREMENT_FILTER_DIRECTIVE, filter.toString());
        return directives;
    }

    private static void generic(PackageResource r, String header, boolean provide) {
        String name = provide ? Constants.PROVIDE_CAPABILITY : Constants.REQUIRE_CAPABILITY;
        for (HeaderClause c : HeaderClause.parse(name, header)) {
            Map<String, Object> attrs = c.typedAttributes(name);
            for (String namespace : c.paths()) {
                if (provide) {
                    r.addCapability(namespace, attrs, c.directives());
                } else {
                    r.addRequirement(namespace, attrs, c.directives());
                }
            }
        }
    }
}
