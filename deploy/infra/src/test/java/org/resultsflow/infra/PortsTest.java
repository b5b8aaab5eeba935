package org.resultsflow.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {

    /** A stack asks for several ports before binding any; none may be handed out twice. */
    @Test
    void neverHandsOutAPortTwice() {
        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 500).forEach(i -> ports.add(Ports.free()));
        assertEquals(500, ports.size());
    }
}
