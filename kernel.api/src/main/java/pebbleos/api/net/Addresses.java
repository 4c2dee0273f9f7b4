package pebbleos.api.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Socket addresses as Pebble shows them: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
public final class Addresses {
    private Addresses() {
    }

    /** The numeric host of an address: {@code 127.0.0.1}, {@code ::1}. */
    public static String host(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return address instanceof Inet6Address ? "::" : "0.0.0.0";
        }
        String text = address.getHostAddress();
        if (!(address instanceof Inet6Address)) {
            return text;
        }
        int scope = text.indexOf('%');
        return compress(scope > 0 ? text.substring(0, scope) : text);
    }

    /** The short form of a full IPv6 address: the longest run of zero groups becomes {@code ::}. */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLength && j - i > 1) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** {@code host:port}, with brackets around an IPv6 host. */
    public static String text(InetSocketAddress address) {
        if (address == null) {
            return "?";
        }
        InetAddress a = address.getAddress();
        String host = a == null ? address.getHostString() : host(a);
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
