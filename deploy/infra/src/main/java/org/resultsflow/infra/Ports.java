package org.resultsflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Local TCP ports: what is free, and whether a wanted one is. */
public final class Ports {

    /**
     * Ports already handed out by this process. The OS may offer a port again as soon as the probing socket closes,
     * before whoever asked for it binds it (CI once gave Kafka and catalog-service the same one).
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** A port that was free a moment ago and that this process has not handed out before. */
    public static synchronized int free() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
