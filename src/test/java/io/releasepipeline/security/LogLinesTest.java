package io.releasepipeline.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The text layout of src/main/resources/log4j2.xml, as the runtime writes its lines. */
class LogLinesTest {

    private static String write(String message) throws Exception {
        Matcher pattern = Pattern.compile("<PatternLayout pattern=\"([^\"]+)\"")
                .matcher(Files.readString(Path.of("src/main/resources/log4j2.xml")));
        assertTrue(pattern.find());
        String layoutPattern = pattern.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        PatternLayout layout = PatternLayout.newBuilder().withPattern(layoutPattern).build();
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("io.releasepipeline.promotion.Promotions")
                .setLevel(Level.WARN).setMessage(new SimpleMessage(message)).build();
        return layout.toSerializable(event);
    }

    @Test
    void aNewlineFromARequestCannotForgeALogLine() throws Exception {
        String line = write("webhook request failed: unexpected token 'x\n00:00:00.000 INFO  Promotions promotion p-1 "
                + "SUCCEEDED'\r\nmore");
        assertEquals(1, line.split("\n", -1).length - 1, "one line: " + line);
        assertTrue(line.contains("\\n00:00:00.000 INFO"), line);
    }

    @Test
    void credentialHeadersAreStillMasked() throws Exception {
        String line = write("sending X-Auth-Token: abc.def with Authorization=Bearer s3cret");
        assertTrue(!line.contains("abc.def") && !line.contains("s3cret"), line);
    }
}
