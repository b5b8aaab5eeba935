package org.resultsflow.reporting.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * The attainment thresholds, as fractions of the milestone: {@code MET} from {@code met-threshold},
 * {@code PARTIAL} from {@code partial-threshold}. The statuses are stored in the read models, so a change
 * takes effect for existing rows after a rebuild ({@code POST /api/admin/rebuild}).
 */
@ConfigMapping(prefix = "resultsflow.reporting.attainment")
public interface AttainmentThresholds {

    @WithDefault("1.0")
    BigDecimal metThreshold();

    @WithDefault("0.5")
    BigDecimal partialThreshold();

    static AttainmentThresholds of(BigDecimal met, BigDecimal partial) {
        return new AttainmentThresholds() {
            @Override
            public BigDecimal metThreshold() {
                return met;
            }

            @Override
            public BigDecimal partialThreshold() {
                return partial;
            }
        };
    }
}
