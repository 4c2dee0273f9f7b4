package pebbleos.kernel.net.http;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.net.NetErrors;

/** The errno and message of a failed HTTP exchange. */
final class HttpErrors {
    private HttpErrors() {
    }

    static PebbleException of(Throwable e, String what) {
        if (e instanceof PebbleException p) {
            return p;
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return new PebbleException(Errno.TIMEDOUT, "timed out: " + what);
        }
        if (certificate(e)) {
            return new PebbleException(Errno.PROTO, "TLS certificate verification failed: " + what
                    + " (" + rootMessage(e) + ")");
        }
        if (e instanceof SSLException || e.getCause() instanceof SSLException) {
            return new PebbleException(Errno.PROTO, "TLS failed: " + what + " (" + rootMessage(e) + ")");
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("too many redirects")) {
            return new PebbleException(Errno.PROTO, "too many redirects: " + what);
        }
        Errno errno = NetErrors.errno(e);
        if (errno == Errno.IO && !message.isEmpty()) {
            return new PebbleException(Errno.PROTO, "HTTP exchange failed: " + what + " (" + message + ")");
        }
        return new PebbleException(errno, errno.description() + ": " + what);
    }

    private static boolean certificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof SSLHandshakeException && String.valueOf(t.getMessage()).contains("certification")
                    || String.valueOf(t.getMessage()).contains("unable to find valid certification path")
                    || String.valueOf(t.getMessage()).contains("No subject alternative")
                    || String.valueOf(t.getMessage()).contains("No name matching")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
