package org.resultsflow.catalog.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;

/**
 * Which claim stands for a field. A known value beats a marker with no value; among equals, the later
 * as-of wins (no as-of ranks lowest) and on a tie the larger document id. This order depends on the
 * claims alone, never on when they arrived.
 */
public final class ClaimRanking {

    public static final Comparator<Claim> PRECEDENCE = Comparator
            .comparing((Claim c) -> c.known)
            .thenComparing(c -> c.asOf, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.documentId);

    private ClaimRanking() {
    }

    public static Optional<Claim> best(Collection<Claim> claims) {
        return claims.stream().max(PRECEDENCE);
    }

    public static Provenance provenance(Claim claim) {
        LineRange lines = claim.firstLine == null ? null : new LineRange(claim.firstLine, claim.lastLine);
        return new Provenance(claim.documentId, claim.documentName, lines, claim.asOf,
                AsOfBasis.valueOf(claim.asOfBasis), claim.documentSource);
    }
}
