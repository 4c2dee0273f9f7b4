package pebbleos.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The network commands and the net family through the exported image, each
 * against servers this test starts on the loopback address (a JDK HTTP
 * server, plain sockets) or that the system starts itself ({@code httpd},
 * {@code nc -l}). Nothing reaches another address: names are looked up in a
 * hosts file of the test's own ({@code jdk.net.hosts.file}), so an unknown
 * name fails without asking any DNS server.
 */
public class NetIT {
    private static final byte[] BINARY = new byte[256];

    static {
        for (int i = 0; i < BINARY.length; i++) {
            BINARY[i] = (byte) i;
        }
    }

    private HttpServer server;
    private int port;
    private Path root;
    private Path hosts;

    @Before
    public void start() throws IOException {
        root = Launcher.freshRoot("net");
        hosts = root.resolveSibling(root.getFileName() + ".hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::answer);
        server.start();
        port = server.getAddress().getPort();
    }

    @After
    public void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        byte[] body;
        int status = 200;
        if (path.equals("/redirect")) {
            x.getResponseHeaders().add("Location", "/hello.txt");
            x.sendResponseHeaders(302, -1);
            x.close();
            return;
        } else if (path.equals("/missing")) {
            status = 404;
            body = "no such thing\n".getBytes(StandardCharsets.UTF_8);
        } else if (path.equals("/binary.bin")) {
            body = BINARY;
        } else if (path.endsWith("/chat/completions")) {
            String request = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int turns = request.split("\"role\"").length - 1;
            String auth = x.getRequestHeaders().getFirst("Authorization");
            body = ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + turns + " messages, "
                    + auth + "\"}}]}").getBytes(StandardCharsets.UTF_8);
        } else if (x.getRequestMethod().equals("POST")) {
            String request = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            body = ("posted " + request + " with " + x.getRequestHeaders().getFirst("X-Test") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            body = "hello network\n".getBytes(StandardCharsets.UTF_8);
        }
        x.getResponseHeaders().add("Content-Type", "text/plain");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private Launcher.Result run(String line) throws Exception {
        return Launcher.run("pebbleos", List.of("-Djdk.net.hosts.file=" + hosts), "", "--root", root.toString(),
                "-c", line);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    public void curlWgetFetchAgainstALoopbackServer() throws Exception {
        String base = "http://127.0.0.1:" + port;
        int closed = closedPort();
        Launcher.Result r = run("curl " + base + "/hello.txt; curl -s -d a=1 -H 'X-Test: yes' " + base
                + "/form; curl -L " + base + "/redirect; curl " + base + "/redirect; echo \"redirect $?\"; "
                + "curl -f " + base + "/missing; echo \"f $?\"; curl -s -f " + base + "/missing; echo \"sf $?\"; "
                + "curl http://127.0.0.1:" + closed + "/; echo \"refused $?\"; "
                + "curl http://nosuch.invalid/; echo \"unknown $?\"; curl -I " + base + "/x | head -1; "
                + "curl -o copy.bin " + base + "/binary.bin; wget -q " + base + "/dir/data.txt; cat data.txt; "
                + "wget -O - " + base + "/x 2>/dev/null; fetch " + base + "/a saved.txt; fetch " + base + "/a; "
                + "wget " + base + "/missing; echo \"wget $?\"");
        assertEquals("hello network\nposted a=1 with yes\nhello network\nredirect 0\nf 22\nsf 22\nrefused 7\n"
                + "unknown 6\nHTTP/1.1 200 OK\r\nhello network\nhello network\n"
                + "saved 14 bytes to saved.txt\nstatus 200 " + base + "/a\nhello network\nwget 8\n", r.out());
        assertTrue(r.err(), r.err().contains("curl: (22) the requested URL returned error: 404\n"));
        assertTrue(r.err(), r.err().contains("curl: (7) connection refused: 127.0.0.1:" + closed + "\n"));
        assertTrue(r.err(), r.err().contains("curl: (6) name or service not known: nosuch.invalid\n"));
        assertTrue(r.err(), r.err().contains("wget: server answered 404 Not Found: " + base + "/missing\n"));
        assertArrayEquals("the body arrives byte for byte", BINARY, Files.readAllBytes(root.resolve("copy.bin")));
    }

    @Test
    public void theOriginalsNetLibraryAndPingAndHost() throws Exception {
        Files.writeString(root.resolve("orig.peb"), String.join("\n",
                "import system.lib.net",
                "print system.lib.net.resolve(\"localhost\")[0]",
                "p = system.lib.net.probe(\"127.0.0.1\", " + port + ")",
                "print str(p[\"ok\"]) + \" \" + p[\"address\"] + \" \" + str(p[\"port\"])",
                "q = system.lib.net.tcp_probe(\"127.0.0.1\", " + closedPort() + ", 1000)",
                "print str(q[\"ok\"]) + \" \" + str(q[\"error\"].startswith(\"connection refused\"))",
                "r = system.lib.net.http_get(\"http://127.0.0.1:" + port + "/redirect\")",
                "print str(r[\"ok\"]) + \" \" + str(r[\"status\"]) + \" \" + r[\"body\"] + \" \" + str(r[\"url\"].endswith(\"/hello.txt\"))",
                "print system.lib.net.http_get_timeout(\"http://127.0.0.1:" + port + "/missing\", 2000)[\"error\"]",
                "print system.lib.net.lookup(\"nosuch.invalid\")[\"ok\"]",
                ""));
        Launcher.Result r = run("run orig.peb; exec orig.peb; ping -c 2 -i 0.05 127.0.0.1 " + port
                + " | grep -c 'tcp pong'; ping -c 1 127.0.0.1 " + closedPort() + " > /dev/null; echo \"ping $?\"; "
                + "ping nosuch.invalid; echo \"ping $?\"; host localhost; host nosuch.invalid; echo \"host $?\"");
        String once = "127.0.0.1\n1 127.0.0.1 " + port + "\n0 1\n1 200 hello network\n 1\n"
                + "HTTP Error 404: Not Found\n0\n";
        assertEquals(once + once + "2\nping 1\nping 2\nlocalhost has address 127.0.0.1\nhost 1\n", r.out());
        assertTrue(r.err(), r.err().contains("ping: nosuch.invalid: name or service not known: nosuch.invalid\n"));
    }

    @Test
    public void chatKeepsTheConversationAndNamesWhatIsMissing() throws Exception {
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "hello\nagain\nquit\n", "--root", root.toString(),
                "-c", "export OPENAI_BASE_URL=http://127.0.0.1:" + port + "/v1; export OPENAI_API_KEY=k1; "
                        + "chat -c 'one question'; chat; OPENAI_BASE_URL= chat -c x; echo \"status $?\"");
        assertEquals("2 messages, Bearer k1\nchat> 2 messages, Bearer k1\nchat> 4 messages, Bearer k1\nchat> status 1\n",
                r.out());
        assertTrue(r.err(), r.err().startsWith("chat: OPENAI_BASE_URL is not set"));
    }

    @Test
    public void ncTalksBothWays() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    String line = in.readLine();
                    s.getOutputStream().write(("got " + line + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            peer.start();
            Launcher.Result r = Launcher.run("pebbleos", List.of(), "hello\n", "--root", root.toString(), "-c",
                    "nc 127.0.0.1 " + listener.getLocalPort() + "; echo \"nc $?\"");
            peer.join(10_000);
            assertEquals("got hello\nnc 0\n", r.out());
        }
    }

    @Test
    public void errnosTimeoutsAndSocketsEndWithTheirProcess() throws Exception {
        int closed = closedPort();
        Files.writeString(root.resolve("errs.peb"), String.join("\n",
                "import system.kernel.net as knet",
                "import system.kernel.fs as kfs",
                "def show(f, args):",
                "    try:",
                "        f(args)",
                "    except err:",
                "        print str(errno()) + \" \" + knet.failure_text(err)",
                "l = knet.listen(\"127.0.0.1\", 0, 4)",
                "port = knet.local(l)[\"port\"]",
                "show(lambda a: knet.listen(\"127.0.0.1\", port, 4), 0)",
                "show(lambda a: knet.connect(\"127.0.0.1\", " + closed + ", 2000), 0)",
                "show(lambda a: knet.lookup(\"nosuch.invalid\"), 0)",
                "show(lambda a: kfs.read_fd(l), 0)",
                "print knet.accept(l, 50)",
                "c = knet.connect(\"localhost\", port, 2000)",
                "s = knet.accept(l, 2000)",
                "knet.set_timeout(s, 100)",
                "show(lambda a: kfs.read_fd(s), 0)",
                "print str(kfs.write_fd(c, \"ping\\n\")) + \" \" + kfs.read_line(s)",
                "u = knet.udp_open(\"127.0.0.1\", 0)",
                "knet.sendto(u, \"datagram\", \"127.0.0.1\", knet.local(u)[\"port\"])",
                "print knet.recvfrom(u, 100, 2000)[\"data\"] + \" \" + str(knet.recvfrom(u, 100, 20))",
                "write_file(\"port.txt\", str(port))",
                ""));
        Files.writeString(root.resolve("again.peb"), String.join("\n",
                "import system.kernel.net as knet",
                "l = knet.listen(\"127.0.0.1\", int(read_file(\"port.txt\")), 4)",
                "print \"listening again\"",
                ""));
        Launcher.Result r = run("run errs.peb; run again.peb");
        String out = r.out().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:P").replaceAll("localhost:\\d+", "localhost:P");
        assertEquals(String.join("\n",
                "98 address already in use: 127.0.0.1:P",
                "111 connection refused: 127.0.0.1:P",
                "-2 name or service not known: nosuch.invalid",
                "107 a listening socket is not connected: tcp-listen:127.0.0.1:P",
                "None",
                "110 timed out waiting for data: tcp:127.0.0.1:P->127.0.0.1:P",
                "5 ping",
                "",
                "datagram None",
                "listening again",
                ""), out);
    }

    @Test
    public void httpdServesAndLogs() throws Exception {
        Path www = root.resolve("www");
        Files.createDirectories(www.resolve("sub"));
        Files.writeString(www.resolve("index.txt"), "plain text\n");
        Files.write(www.resolve("data.bin"), BINARY);
        Files.writeString(www.resolve("sub/page.html"), "<p>page</p>\n");
        Files.writeString(root.resolve("secret.txt"), "secret\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Launcher.image("pebbleos").toString(), "--root", root.toString(), "-c",
                "httpd -p 0 -b 127.0.0.1 /www");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String banner = err.readLine();
            Matcher m = Pattern.compile("httpd: serving /www on http://127\\.0\\.0\\.1:(\\d+)/ \\(Ctrl-C to stop\\)").matcher(
                    String.valueOf(banner));
            assertTrue(banner, m.matches());
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> text = client.send(HttpRequest.newBuilder(URI.create(base + "/index.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, text.statusCode());
            assertEquals("plain text\n", text.body());
            assertEquals("text/plain; charset=utf-8", text.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<byte[]> bin = client.send(HttpRequest.newBuilder(URI.create(base + "/data.bin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(BINARY, bin.body());
            assertEquals("application/octet-stream", bin.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(URI.create(base + "/index.txt"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("11", head.headers().firstValue("Content-Length").orElse(""));
            HttpResponse<String> listing = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(listing.body(), listing.body().contains("<a href=\"sub/\">sub/</a>"));
            assertTrue(listing.body(), listing.body().contains("<a href=\"data.bin\">data.bin</a>"));
            HttpResponse<String> dir = client.send(HttpRequest.newBuilder(URI.create(base + "/sub")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(301, dir.statusCode());
            assertEquals("/sub/", dir.headers().firstValue("Location").orElse(""));
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals("HTTP/1.0 403 Forbidden", rawStatus(Integer.parseInt(m.group(1)), "/../secret.txt"));
            assertEquals("HTTP/1.0 403 Forbidden", rawStatus(Integer.parseInt(m.group(1)), "/sub/%2e%2e/%2e%2e/secret.txt"));
            assertEquals("HTTP/1.0 501 Not Implemented", rawMethod(Integer.parseInt(m.group(1)), "DELETE"));
            String log = err.readLine();
            assertTrue(log, log.matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000\\] "
                    + "\"GET /index.txt HTTP/1.1\" 200 11"));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String rawStatus(int port, String target) throws IOException {
        return raw(port, "GET " + target + " HTTP/1.0\r\n\r\n");
    }

    private static String rawMethod(int port, String method) throws IOException {
        return raw(port, method + " / HTTP/1.0\r\n\r\n");
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    public void aSignalEndsABlockedAcceptAndConnectionsSurviveABundleUpdate() throws Exception {
        Path bundles = Launcher.freshRoot("net-bundles");
        Files.writeString(root.resolve("swap.peb"), String.join("\n",
                "import system.kernel.net as knet",
                "import system.kernel.fs as kfs",
                "import system.kernel.thread as kthread",
                "def calls():",
                "    for row in syscall(\"syscall_status\"):",
                "        if row[\"family\"] == \"net\":",
                "            return row[\"calls\"]",
                "def waiting(l):",
                "    fd = knet.accept(l, 60000)",
                "    return kfs.read_line(fd)",
                "l = knet.listen(\"127.0.0.1\", 0, 4)",
                "port = knet.local(l)[\"port\"]",
                "c = knet.connect(\"127.0.0.1\", port, 2000)",
                "s = knet.accept(l, 2000)",
                "waiter = kthread.spawn(waiting, [l])",
                "before = calls()",
                "write_file(\"ready\", \"1\")",
                "while not file_exists(\"go\"):",
                "    sleep(50)",
                "print \"swapped \" + str(calls() < before)",
                "kfs.write_fd(c, \"across the swap\\n\")",
                "print kfs.read_line(s)",
                "d = knet.connect(\"127.0.0.1\", port, 2000)",
                "kfs.write_fd(d, \"accepted after\\n\")",
                "print kthread.join(waiter)[\"result\"]",
                ""));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpebbleos.bundles=" + bundles, "-jar", Launcher.image("pebbleos").toString(), "--root",
                root.toString(), "-c", "run swap.peb; httpd -p 0 -b 127.0.0.1 / & sleep 1; kill -INT %1; wait %1; "
                        + "echo \"httpd $?\"");
        Path out = Files.createTempFile("net-swap", ".out");
        pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            long end = System.currentTimeMillis() + 60_000;
            while (!Files.exists(root.resolve("ready")) && System.currentTimeMillis() < end) {
                Thread.sleep(50);
            }
            assertTrue("the program is ready", Files.exists(root.resolve("ready")));
            Files.copy(Images.jar("kernel.net").toPath(), bundles.resolve("kernel.net.jar"));
            Thread.sleep(4000); // two scans of the folder, then the update
            Files.writeString(root.resolve("go"), "1");
            assertTrue("did not end", p.waitFor(60, TimeUnit.SECONDS));
            assertEquals("swapped 1\nacross the swap\n\naccepted after\n\nhttpd 130\n", Files.readString(out));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
