package org.manfadh.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class UnsafeConfigurationFailureAnalyzerTests {

    @Test
    void reportsARefusedStartAsWhatIsWrongAndWhatToSet() {
        UnsafeConfigurationException refused = new UnsafeConfigurationException("what is wrong", "what to set");

        FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", refused));

        assertThat(analysis.getDescription()).isEqualTo("what is wrong");
        assertThat(analysis.getAction()).isEqualTo("what to set");
    }
}
