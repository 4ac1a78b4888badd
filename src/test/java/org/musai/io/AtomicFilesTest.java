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
        Path ours = Files.write(dir.resolve(".config.json1234567890.tmp"), new byte[]{1});
        for (String other : new String[]{".config.json.tmp", ".config.jsonx1.tmp", "config.json1.tmp",
                ".config.json12.tmp.bak", ".other.json12.tmp"}) {
            Files.write(dir.resolve(other), new byte[]{2});
        }
        assertThat(AtomicFiles.leftoversOf(target)).containsExactly(ours.toAbsolutePath());
        assertThat(AtomicFiles.isLeftoverOf(ours, target)).isTrue();
        assertThat(AtomicFiles.isLeftoverOf(dir.resolve(".config.json.tmp"), target)).isFalse();
    }
}
