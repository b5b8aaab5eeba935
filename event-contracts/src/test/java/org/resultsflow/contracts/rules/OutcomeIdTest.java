package org.resultsflow.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeIdTest {

    private static final OutcomeId MEX = new OutcomeId("XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1", "MEX");

    @Test
    void theFullIdNamesCodeAndOffice() {
        assertEquals(Optional.of(MEX), OutcomeId.parse("XM-DAC-41146-MEX_D_2.1"));
        assertEquals("RD", OutcomeId.parse("XM-DAC-41146-RD_O_1").orElseThrow().office());
    }

    @Test
    void aBareCodeGetsUnWomensPrefix() {
        assertEquals(Optional.of(MEX), OutcomeId.parse(" MEX_D_2.1 "));
    }

    @Test
    void codeAndIdRunTogetherAsPagesShowThem() {
        assertEquals(Optional.of(MEX), OutcomeId.parse("MEX_D_2.1XM-DAC-41146-MEX_D_2.1"));
        assertEquals(Optional.of(MEX), OutcomeId.parse("MEX_D_2.1 XM-DAC-41146-MEX_D_2.1"));
        assertTrue(OutcomeId.parse("MEX_D_2.1XM-DAC-41146-MEX_D_2.2").isEmpty(), "code and id disagree");
    }

    @Test
    void aGlobalStrategicPlanOutcomeStaysBare() {
        assertEquals(Optional.of(new OutcomeId("SP_D_0.2", "SP_D_0.2", "SP")), OutcomeId.parse("SP_D_0.2"));
    }

    @Test
    void otherTextIsNoOutcomeId() {
        assertTrue(OutcomeId.parse(null).isEmpty());
        assertTrue(OutcomeId.parse("").isEmpty());
        assertTrue(OutcomeId.parse("outcome MEX").isEmpty());
        assertTrue(OutcomeId.parse("mex_d_2.1").isEmpty());
        assertEquals(null, OutcomeId.officeOf("XM-DAC-41146-"));
        assertEquals("MEX", OutcomeId.officeOf("XM-DAC-41146-MEX_D_2.1"));
    }
}
