package dev.upbeat.testing;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads a Server-Sent Events stream the way a browser does: whole events, up to a blank line. */
public final class LiveEventReader {
    private LiveEventReader() {
    }

    /** Reads until a "status" event and returns its id. */
    public static String nextStatusId(BufferedReader reader) throws IOException {
        String line;
        String event = null;
        String id = null;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if ("status".equals(event) && id != null) {
                    return id;
                }
                event = null;
                id = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            }
        }
        throw new AssertionError("stream ended");
    }
}
