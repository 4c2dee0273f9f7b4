package pebbleos.api.net;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

import pebbleos.api.fs.FileStat;

public class TcpSocketTest {

    /** nc's shape: one thread waits to read while another writes, and the peer answers only what it is sent. */
    @Test(timeout = 20_000)
    public void aWriterIsNotHeldUpByAReaderWaitingForData() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TcpSocket socket = TcpSocket.connect((InetSocketAddress) server.getLocalAddress(), Long.MAX_VALUE, Wakeups.NONE);
            try (SocketChannel peer = server.accept()) {
                CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                    byte[] buffer = new byte[64];
                    int n = socket.read(buffer, 0, buffer.length);
                    return new String(buffer, 0, n, StandardCharsets.UTF_8);
                });
                Thread.sleep(200); // the reader is now waiting for the peer
                FileStat stat = CompletableFuture.supplyAsync(socket::stat).get(5, TimeUnit.SECONDS);
                assertEquals(FileStat.SOCKET, stat.kind());
                assertEquals(0, stat.size());
                socket.write("hello".getBytes(StandardCharsets.UTF_8), 0, 5);
                java.nio.ByteBuffer got = java.nio.ByteBuffer.allocate(5);
                while (got.hasRemaining()) {
                    peer.read(got);
                }
                peer.write(java.nio.ByteBuffer.wrap("got it, and more".getBytes(StandardCharsets.UTF_8)));
                assertEquals("got it, and more", reply.get(5, TimeUnit.SECONDS));
            } finally {
                socket.close();
            }
        }
    }

    @Test(timeout = 20_000)
    public void statCountsWhatIsBufferedAndNotYetRead() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TcpSocket socket = TcpSocket.connect((InetSocketAddress) server.getLocalAddress(), Long.MAX_VALUE, Wakeups.NONE);
            try (SocketChannel peer = server.accept()) {
                peer.write(java.nio.ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.UTF_8)));
                byte[] two = new byte[2];
                assertEquals(2, socket.read(two, 0, 2));
                // the rest may still be on its way; what stat counts is what the next read returns at once
                long left = socket.stat().size();
                if (left > 0) {
                    assertEquals(left, socket.read(new byte[64], 0, 64));
                }
                assertEquals(0, socket.stat().size());
            } finally {
                socket.close();
            }
        }
    }
}
