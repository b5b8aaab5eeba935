package org.resultsflow.catalog.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;

/** An observation's identity: a stated period and dimension set are part of it; portal values keep theirs. */
class ObservationIdentityTest {

    final ClaimMapper mapper = new ClaimMapper(new ObjectMapper().findAndRegisterModules());
    final SourceDocument document = new SourceDocument("ab".repeat(32), "activities.xml", "application/xml",
            "IATI_ACTIVITIES", LocalDate.of(2014, 9, 10), AsOfBasis.DECLARED_DATE);
    final LocalDate q1Start = LocalDate.of(2013, 1, 1);
    final LocalDate q1End = LocalDate.of(2013, 3, 31);
    final LocalDate q2End = LocalDate.of(2013, 6, 30);
    final List<Dimension> women = List.of(new Dimension("sex", "female"), new Dimension("age", "adult #1, 15=49"));
    final List<Dimension> men = List.of(new Dimension("sex", "male"));

    @Test
    void targetsAndActualsOfOnePeriodAndDimensionSetPairUpAndTheRestStayApart() {
        List<Observation> observations = List.of(
                iati(ObservationKind.MILESTONE, q1Start, q1End, women, "10"),
                iati(ObservationKind.RESULT, q1Start, q1End, women, "11"),
                iati(ObservationKind.MILESTONE, q1Start, q1End, men, "8"),
                iati(ObservationKind.RESULT, q1Start, q1End, men, "7"),
                iati(ObservationKind.MILESTONE, LocalDate.of(2013, 4, 1), q2End, women, "12"));
        Indicator indicator = new Indicator("X-1/R1::I1", "I1", "Indicator title", "indicator title", "X-1", "X-1/R1",
                List.of(), observations, false, new LineRange(1, 40));
        List<Claim> claims = mapper.indicatorClaims(document, indicator, Instant.now()).stream()
                .filter(c -> ClaimMapper.OBSERVATION.equals(c.entityType)).toList();
        assertEquals(5, claims.stream().map(c -> c.entityId).distinct().count(), "no two values share an identity");
        Set<ClaimMapper.ObservationId> read = claims.stream().map(c -> ClaimMapper.observationId(c.entityId))
                .collect(Collectors.toSet());
        for (Observation o : observations) {
            assertEquals(true, read.contains(new ClaimMapper.ObservationId(o.year(), o.kind(), 1, o.periodStart(),
                    o.periodEnd(), o.dimensions())), "identity read back: " + o);
        }
        // target and actual of the first quarter for women differ only in their kind
        ClaimMapper.ObservationId target = ClaimMapper.observationId(claims.get(0).entityId);
        ClaimMapper.ObservationId actual = ClaimMapper.observationId(claims.get(1).entityId);
        assertEquals(new ClaimMapper.ObservationId(target.year(), ObservationKind.RESULT, target.sequence(),
                target.periodStart(), target.periodEnd(), target.dimensions()), actual);
    }

    @Test
    void aPortalObservationKeepsItsKey() {
        Observation milestone = new Observation(2023, ObservationKind.MILESTONE, 2, false,
                new ObservedValue("5", ValueType.NUMBER, BigDecimal.valueOf(5), null), LineRange.of(3));
        Indicator indicator = new Indicator("MEX_D_2.1.1::MEX_D_2.1.1.a", "MEX_D_2.1.1.a", "A statement", "a statement",
                "XM-DAC-41146-MEX_D_2.1", "MEX_D_2.1.1", List.of(), List.of(milestone), false, LineRange.of(1));
        Claim claim = mapper.indicatorClaims(document, indicator, Instant.now()).stream()
                .filter(c -> ClaimMapper.OBSERVATION.equals(c.entityType)).findFirst().orElseThrow();
        assertEquals("MEX_D_2.1.1::MEX_D_2.1.1.a#2023#MILESTONE#2", claim.entityId);
        assertEquals(new ClaimMapper.ObservationId(2023, ObservationKind.MILESTONE, 2),
                ClaimMapper.observationId(claim.entityId));
    }

    private static Observation iati(ObservationKind kind, LocalDate start, LocalDate end, List<Dimension> dimensions,
            String value) {
        return new Observation(end.getYear(), kind, 1, false,
                new ObservedValue(value, ValueType.NUMBER, new BigDecimal(value), null), new LineRange(5, 9), start, end,
                dimensions, null, List.of());
    }
}
