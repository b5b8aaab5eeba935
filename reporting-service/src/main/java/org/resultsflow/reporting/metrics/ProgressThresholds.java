package org.resultsflow.reporting.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * The progress thresholds, on pace = progress ÷ expected progress: {@code ON_TRACK} from {@code on-track},
 * {@code AT_RISK} from {@code at-risk}, else {@code OFF_TRACK}. Stored statuses follow a change after a rebuild
 * ({@code POST /api/admin/rebuild}).
 */
@ConfigMapping(prefix = "resultsflow.reporting.progress")
public interface ProgressThresholds {

    @WithDefault("0.8")
    BigDecimal onTrack();

    @WithDefault("0.6")
    BigDecimal atRisk();

    static ProgressThresholds of(BigDecimal onTrack, BigDecimal atRisk) {
        return new ProgressThresholds() {
            @Override
            public BigDecimal onTrack() {
                return onTrack;
            }

            @Override
            public BigDecimal atRisk() {
                return atRisk;
            }
        };
    }
}
