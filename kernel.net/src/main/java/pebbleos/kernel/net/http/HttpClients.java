package pebbleos.kernel.net.http;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The HTTP clients of the family, one per kind (plain or TLS, redirects
 * followed or not, verified or insecure), made on first use and kept: a
 * client owns a selector thread and a connection pool, too much to build for
 * every request. Plain {@code http} speaks HTTP/1.1 (no {@code h2c} upgrade
 * headers a simple server would not expect); {@code https} negotiates HTTP/2
 * when the server offers it.
 */
final class HttpClients {
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient get(String scheme, boolean redirects, boolean insecure) {
        boolean tls = "https".equalsIgnoreCase(scheme);
        String key = (tls ? "tls" : "plain") + (redirects ? "+redirects" : "") + (insecure && tls ? "+insecure" : "");
        return clients.computeIfAbsent(key, k -> build(tls, redirects, insecure && tls));
    }

    private static HttpClient build(boolean tls, boolean redirects, boolean insecure) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(redirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (insecure) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
                b.sslContext(context);
            } catch (GeneralSecurityException e) {
                throw new PebbleException(Errno.IO, "cannot set up TLS: " + e.getMessage());
            }
        }
        return b.build();
    }

    /** Drop the clients; their threads end once the requests in flight are done. */
    void close() {
        clients.clear();
    }
}
