package org.resultsflow.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker that cannot take its ports: the JVM must live on, with an error or with other ports. */
class EmbeddedKafkaTest {

    @TempDir
    Path dir;

    @Test
    void aClientPortTheCallerChoseThatIsTakenIsAnErrorNamingIt() throws Exception {
        try (ServerSocket taken = localSocket()) {
            Exception e = assertThrows(Exception.class, () -> EmbeddedKafka.start(taken.getLocalPort(), dir));
            String messages = messages(e);
            assertTrue(messages.contains(String.valueOf(taken.getLocalPort())), messages);
        }
    }

    /**
     * A controller port lost to another process makes the broker halt the JVM (how a CI fork once died without a
     * word); start() must try other ports instead. If it did not, this test's JVM would be gone.
     */
    @Test
    void aControllerPortTakenBeforeTheBrokerBindsItIsReplacedByAnother() throws Exception {
        int brokerPort = Ports.free();
        try (ServerSocket taken = localSocket()) {
            Iterator<Integer> ports = IntStream.concat(IntStream.of(taken.getLocalPort()),
                    IntStream.generate(Ports::free)).iterator();
            try (EmbeddedKafka kafka = EmbeddedKafka.start(brokerPort, dir, ports::next)) {
                assertEquals(brokerPort, kafka.port());
            }
        }
    }

    private static ServerSocket localSocket() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getByName("localhost"));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
