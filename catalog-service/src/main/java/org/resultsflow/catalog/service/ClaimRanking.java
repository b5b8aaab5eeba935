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
 * as-of wins (no as-of ranks lowest), on a tie the larger document id, and within one document (which may say
 * a field of several entities, e.g. the office with each year's funding) the larger entity. This order depends
 * on the claims alone, never on when they arrived.
 */
public final class ClaimRanking {

    public static final Comparator<Claim> PRECEDENCE = Comparator
            .comparing((Claim c) -> c.known)
            .thenComparing(c -> c.asOf, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.documentId)
            .thenComparing(c -> c.entityType, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.entityId, Comparator.nullsFirst(Comparator.naturalOrder()));

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
