package org.resultsflow.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * What happened to one observation's value as documents came, in as-of order: when a value appeared, when a
 * later document changed it, when a document contradicted the value that stands, when one confirmed it. The
 * value that stands after each claim is the one the catalog's ranking picks among the claims so far, so the last
 * event agrees with the canonical value. Markers (TBD, -) are no values and make no event.
 */
@ApplicationScoped
public class ObservationTimeline {

    public enum Happened {
        /** The first known value of the observation. */
        APPEARED,
        /** A document whose value now stands gave a different one than stood before. */
        CHANGED,
        /** A document gave a different value that does not stand (an earlier as-of, or a lower document id on the same date). */
        CONTRADICTED,
        /** A document gave the value that stands. */
        CONFIRMED
    }

    /**
     * @param value what the document said
     * @param standing the value that stood before (CHANGED) or still stands (CONTRADICTED); null otherwise
     */
    public record Event(Happened happened, ObservedValue value, ObservedValue standing, Provenance provenance) {
    }

    private final ClaimValues values;

    public ObservationTimeline(ClaimValues values) {
        this.values = values;
    }

    /** @param claims every claim about one observation, in as-of order (none first), then document id */
    public List<Event> of(List<Claim> claims) {
        List<Event> events = new ArrayList<>();
        Claim standing = null;
        for (Claim claim : claims) {
            if (!claim.known) {
                continue;
            }
            ObservedValue value = values.read(claim, ObservedValue.class);
            Provenance provenance = ClaimRanking.provenance(claim);
            if (standing == null) {
                events.add(new Event(Happened.APPEARED, value, null, provenance));
                standing = claim;
                continue;
            }
            ObservedValue before = values.read(standing, ObservedValue.class);
            boolean same = IndicatorMerge.sameValue(before, value);
            if (ClaimRanking.PRECEDENCE.compare(claim, standing) > 0) {
                events.add(same ? new Event(Happened.CONFIRMED, value, null, provenance)
                        : new Event(Happened.CHANGED, value, before, provenance));
                standing = claim;
            } else {
                events.add(same ? new Event(Happened.CONFIRMED, value, null, provenance)
                        : new Event(Happened.CONTRADICTED, value, before, provenance));
            }
        }
        return events;
    }
}
