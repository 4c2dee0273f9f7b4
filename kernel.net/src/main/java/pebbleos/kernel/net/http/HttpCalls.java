package pebbleos.kernel.net.http;

import static pebbleos.kernel.net.Calls.named;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.net.StreamChannel;
import pebbleos.api.net.Wakeups;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Restart;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;

/**
 * {@code net_http}: one HTTP(S) request on the JDK's {@link HttpClient}.
 * Certificates and host names are verified unless the request says
 * {@code insecure}; redirects are followed only when asked. The caller waits
 * as {@code blocked-net}; a signal abandons the request (EINTR), a leaving
 * provider hands it to its successor, which sends it again.
 */
public final class HttpCalls implements Dispatch.Table {
    /** The time limit of a request that gives none. */
    static final long DEFAULT_TIMEOUT_MS = 30_000;

    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int HTTP = 0;

    private final Wakeups waits;
    private final HttpClients clients = new HttpClients();

    public HttpCalls(Wakeups waits) {
        this.waits = waits;
    }

    public List<Syscall> syscalls() {
        return List.of(named("net_http", "request",
                "one HTTP(S) request; request {url, method, headers, body, timeout_ms, redirects, insecure, stream}; "
                        + "{status, reason, url, version, headers, header_list, body} (with stream: fd instead of body)",
                new Dispatch(this, HTTP)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case HTTP -> request(c, a);
            default -> throw new IllegalArgumentException("net (http): no syscall " + id);
        };
    }

    public void close() {
        clients.close();
    }

    private Object request(TaskContext c, Object[] a) {
        PDict r = Args.of("net_http", a, 1, 1).dict(0);
        String url = text(r, "url", null);
        if (url == null) {
            throw new PebbleException(Errno.INVAL, "the request has no url");
        }
        URI uri = uri(url);
        String method = text(r, "method", "GET").toUpperCase(java.util.Locale.ROOT);
        long timeout = r.containsKey("timeout_ms") ? number(r.get("timeout_ms"), "timeout_ms") : DEFAULT_TIMEOUT_MS;
        boolean redirects = flag(r, "redirects");
        boolean insecure = flag(r, "insecure");
        boolean stream = flag(r, "stream");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (timeout > 0) {
            b.timeout(Duration.ofMillis(timeout));
        }
        if (r.get("headers") instanceof PDict headers) {
            for (Map.Entry<Object, Object> h : headers.entries()) {
                String name = Values.str(h.getKey());
                try {
                    b.header(name, Values.str(h.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new PebbleException(Errno.INVAL, "header '" + name + "' cannot be set");
                }
            }
        }
        if (!hasHeader(r, "user-agent")) {
            b.header("User-Agent", "PebbleOS/0.2.0");
        }
        Object body = r.get("body");
        HttpRequest.BodyPublisher publisher = body == null || body == pebbleos.api.value.PNone.NONE
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Values.str(body), StandardCharsets.UTF_8);
        try {
            b.method(method, publisher);
        } catch (IllegalArgumentException e) {
            throw new PebbleException(Errno.INVAL, "invalid method '" + method + "'");
        }
        HttpClient client = clients.get(uri.getScheme(), redirects, insecure);
        HttpRequest request = b.build();
        String what = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (stream) {
            HttpResponse<InputStream> response = send(c, client, request, HttpResponse.BodyHandlers.ofInputStream(),
                    timeout, what);
            PDict out = head(response);
            StreamChannel body0 = new StreamChannel(response.body(), "http:" + response.uri());
            out.put("fd", (long) c.fds().install(new OpenFile(body0, OpenFile.READ)));
            return out;
        }
        HttpResponse<byte[]> response = send(c, client, request, HttpResponse.BodyHandlers.ofByteArray(), timeout, what);
        PDict out = head(response);
        out.put("body", new String(response.body(), StandardCharsets.UTF_8));
        return out;
    }

    /** Send and wait, interruptibly; the request is abandoned when the caller gives up on it. */
    private <T> HttpResponse<T> send(TaskContext c, HttpClient client, HttpRequest request,
            HttpResponse.BodyHandler<T> handler, long timeout, String what) {
        CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request, handler);
        long deadline = timeout > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout + 1000) : Long.MAX_VALUE;
        boolean done = false;
        try {
            Object got = c.blocking(pebbleos.kernel.net.NetFamily.BLOCKED, () -> {
                while (true) {
                    if (waits.cancelled()) {
                        throw new Restart();
                    }
                    long left = deadline == Long.MAX_VALUE ? 200_000_000L : Math.min(200_000_000L, deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new PebbleException(Errno.TIMEDOUT, "timed out: " + what);
                    }
                    try {
                        return pending.get(left, TimeUnit.NANOSECONDS);
                    } catch (TimeoutException e) {
                        continue; // look at the provider's state again
                    } catch (InterruptedException e) {
                        return TaskContext.INTERRUPTED;
                    } catch (CancellationException e) {
                        throw new Restart();
                    } catch (ExecutionException e) {
                        throw HttpErrors.of(e.getCause(), what);
                    }
                }
            });
            done = true;
            @SuppressWarnings("unchecked")
            HttpResponse<T> response = (HttpResponse<T>) got;
            return response;
        } finally {
            if (!done) {
                pending.cancel(true);
            }
        }
    }

    private static PDict head(HttpResponse<?> response) {
        PDict headers = new PDict();
        PList list = new PList();
        for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(":")) {
                continue; // HTTP/2 pseudo-headers
            }
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            headers.put(lower, String.join(", ", e.getValue()));
            for (String v : e.getValue()) {
                list.append(PList.of(name, v));
            }
        }
        PDict out = new PDict();
        out.put("status", (long) response.statusCode());
        out.put("reason", Reasons.of(response.statusCode()));
        out.put("url", response.uri().toString());
        out.put("version", response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1");
        out.put("headers", headers);
        out.put("header_list", list);
        return out;
    }

    private static URI uri(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new PebbleException(Errno.INVAL, "unsupported URL scheme (http and https only): " + url);
            }
            if (uri.getHost() == null) {
                throw new PebbleException(Errno.INVAL, "no host in URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new PebbleException(Errno.INVAL, "invalid URL: " + url);
        }
    }

    private static String text(PDict r, String key, String fallback) {
        Object v = r.get(key);
        return v == null || v == pebbleos.api.value.PNone.NONE ? fallback : Values.str(v);
    }

    private static boolean flag(PDict r, String key) {
        Object v = r.get(key);
        return v != null && Values.truthy(v);
    }

    private static long number(Object v, String key) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        throw new PebbleException(Errno.INVAL, key + " must be an integer");
    }

    private static boolean hasHeader(PDict r, String lower) {
        if (r.get("headers") instanceof PDict headers) {
            for (Object k : headers.keys()) {
                if (Values.str(k).equalsIgnoreCase(lower)) {
                    return true;
                }
            }
        }
        return false;
    }
}
