package dev.upbeat;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point. It is compiled for Java 8 (the rest of Upbeat for 21), so that an older
 * {@code java -jar} can still load it and say what is wrong, instead of dying with
 * {@code UnsupportedClassVersionError}. It must not refer to any other Upbeat class directly.
 */
public final class Launcher {
    static final int REQUIRED_JAVA = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version");
        if (major(version) < REQUIRED_JAVA) {
            System.err.println(refusal(version, System.getProperty("java.home")));
            System.exit(1);
        }
        try {
            Class.forName("dev.upbeat.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String refusal(String version, String javaHome) {
        return "Upbeat needs Java " + REQUIRED_JAVA + " or newer; this is Java " + version + " (" + javaHome + ").\n"
                + "Run it with a newer java, set JAVA_HOME to one, or use bin/upbeat, which finds one.";
    }

    /** "1.8" is Java 8; from 9 on the specification version is the major number itself. */
    static int major(String specificationVersion) {
        String v = specificationVersion == null ? "0" : specificationVersion.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        // A version we cannot read is let through: Main's own class version check is the last word.
        return end == 0 ? Integer.MAX_VALUE : Integer.parseInt(v.substring(0, end));
    }
}
