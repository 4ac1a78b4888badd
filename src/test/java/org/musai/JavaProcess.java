package org.musai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A class of this project run in a separate JVM, as the launcher starts {@code musai} (the same exports, PyTorch
 * offline), with the test's class path and one PyTorch thread: for tests that kill a process or measure its memory.
 * Its output (stdout and stderr) is collected line by line.
 */
public final class JavaProcess {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private JavaProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "musai-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code musai args...}.
     *
     * @param properties extra system properties, as "name=value"
     */
    public static JavaProcess musai(List<String> properties, Object... args) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        properties.forEach(property -> options.add("-D" + property));
        return start(options, "org.musai.cli.Main", args);
    }

    /** Starts {@code mainClass args...} with these JVM options besides the launcher's. */
    public static JavaProcess start(List<String> jvmOptions, String mainClass, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("MKL_NUM_THREADS", "1");
        return new JavaProcess(builder.start());
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e + ")");
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether a line starting with {@code prefix} has been printed. */
    public boolean printed(String prefix) {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** SIGKILL: no shutdown hook, no cleanup, as a crash or an OOM killer ends it. */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Stops it as Ctrl-C does, through the JVM's shutdown hooks. SIGTERM rather than SIGINT: a JVM started from a
     * shell that ignores SIGINT (any background job, such as a CI runner's or {@code nohup mvn ... &}) inherits that and
     * never sees a SIGINT; SIGTERM reaches the same hooks in every case. Sent with kill(1), since Java's own
     * {@code destroy()} closes the output, which the test wants to read.
     */
    public void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -TERM " + process.pid() + " failed");
        }
    }

    /** Waits for the end and for the last of its output; returns the exit code. */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not end within " + seconds + " s; output: " + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(seconds));
        return process.exitValue();
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** The lines printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
