package io.releasepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

    @Test
    void decidesByErrorCodeBeforeStatus() {
        ErrorClassifier classifier = new ErrorClassifier();
        assertEquals(ErrorCategory.NOT_FOUND, classifier.classify(400, "DLF.0810"));
        assertEquals(ErrorCategory.INVALID_REQUEST, classifier.classify(400, "DLF.3051"));
        assertEquals(ErrorCategory.TRANSIENT, classifier.classify(500, "APIG.9999"));
        assertEquals(ErrorCategory.THROTTLED, classifier.classify(429, null));
        assertEquals(ErrorCategory.TRANSIENT, classifier.classify(503, null));
        assertEquals(ErrorCategory.UNKNOWN, classifier.classify(409, "DLF.1234"));
    }

    @Test
    void operatorRowsOverrideAndExtendTheTable() {
        Properties rows = new Properties();
        rows.setProperty("cloud.error-category.DLF.1234", "transient");
        rows.setProperty("cloud.error-category.http-409", "INVALID_REQUEST");
        rows.setProperty("cloud.error-category.DLF.3051", "UNKNOWN");
        rows.setProperty("unrelated.key", "x");
        ErrorClassifier classifier = new ErrorClassifier(rows);
        assertEquals(ErrorCategory.TRANSIENT, classifier.classify(409, "DLF.1234"));
        assertEquals(ErrorCategory.INVALID_REQUEST, classifier.classify(409, "DLF.5678"));
        assertEquals(ErrorCategory.UNKNOWN, classifier.classify(400, "DLF.3051"));
    }

    @Test
    void unknownCategoryIsRefusedNamingTheKeyAndTheChoices() {
        Properties rows = new Properties();
        rows.setProperty("cloud.error-category.DLF.0810", "MISSING");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ErrorClassifier(rows));
        assertTrue(e.getMessage().startsWith("cloud.error-category.DLF.0810=MISSING"), e.getMessage());
        assertTrue(e.getMessage().contains("NOT_FOUND"), e.getMessage());
    }
}
