package org.musai.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a file in one step, forced to disk, and telling a killed write's remains from anything else. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesAFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("model.safetensors");
        AtomicFiles.write(target, new byte[]{1, 2, 3});
        AtomicFiles.write(target, new byte[]{4});
        assertThat(target).hasBinaryContent(new byte[]{4});
        try (var list = Files.list(dir)) {
            assertThat(list.toList()).containsExactly(target);
        }
    }

    @Test
    void knowsItsOwnLeftoversAndNothingElse() throws Exception {
        Path target = dir.resolve("config.json");
        // PartialFiles' naming: "." + name + ".partial-" + the writer's process id + "-" + digits
        Path ours = Files.write(dir.resolve(".config.json.partial-4242-1234567890"), new byte[]{1});
        for (String other : new String[]{".config.json.tmp", ".config.json.partial-x-1", "config.json.partial-1-1",
                ".config.json.partial-1-2.bak", ".other.json.partial-1-2", ".config.json.partial-notes"}) {
            Files.write(dir.resolve(other), new byte[]{2});
        }
        assertThat(AtomicFiles.leftoversOf(target)).containsExactly(ours.toAbsolutePath());
        assertThat(AtomicFiles.isLeftoverOf(ours, target)).isTrue();
        assertThat(AtomicFiles.isLeftoverOf(dir.resolve(".config.json.tmp"), target)).isFalse();
        assertThat(AtomicFiles.isLeftoverOf(dir.resolve(".config.json.partial-notes"), target)).isFalse();
    }
}
