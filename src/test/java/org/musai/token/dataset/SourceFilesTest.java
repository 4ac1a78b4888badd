package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SourceFiles} finds MIDI files in a folder by glob, in a list file, or as one file, named by relative path. */
class SourceFilesTest {

    @TempDir
    Path temp;

    @Test
    void folderIsSearchedRecursivelyWithTheDefaultGlobAndSortedByName() throws IOException {
        List<SourceFile> files = SourceFiles.find(bundledCorpus(), null);

        assertThat(files).hasSize(56);
        assertThat(files).extracting(SourceFile::name)
                .contains("midly/Beethoven.rmi", "freedoom/freedoom1_D_E1M1.mid", "music21/test01.mid")
                .isSorted()
                .allSatisfy(n -> assertThat(n).doesNotStartWith("/").doesNotContain("\\"));
        assertThat(files).allSatisfy(f -> assertThat(f.path()).isRegularFile());
    }

    @Test
    void defaultGlobTakesEveryMidiSpellingAndNothingElse() throws IOException {
        for (String name : List.of("a.mid", "b.MID", "c.midi", "d.kar", "e.rmi", "f.Mid", "g.txt", "h.mid.bak")) {
            Files.write(temp.resolve(name), new byte[] {1});
        }

        assertThat(SourceFiles.find(temp, "")).extracting(SourceFile::name)
                .containsExactly("a.mid", "b.MID", "c.midi", "d.kar", "e.rmi", "f.Mid");
    }

    @Test
    void globOnTheFileNameFiltersTheFolder() throws IOException {
        assertThat(SourceFiles.find(bundledCorpus(), "*.rmi")).extracting(SourceFile::name)
                .containsExactly("midly/Beethoven.rmi");
    }

    @Test
    void globWithASlashMatchesTheRelativePath() throws IOException {
        assertThat(SourceFiles.find(bundledCorpus(), "freedoom/*.mid")).extracting(SourceFile::name)
                .containsExactly("freedoom/freedoom1_D_BUNNY.mid", "freedoom/freedoom1_D_E1M1.mid",
                        "freedoom/freedoom1_D_E1M2.mid", "freedoom/freedoom1_D_E1M3.mid");
    }

    @Test
    void listFileTakesRelativePathsAndIgnoresCommentsAndBlankLines() throws IOException {
        Path clementi = copy(bundledCorpus().resolve("midly/Clementi.mid"), temp, "songs/clementi.mid");
        copy(bundledCorpus().resolve("muspy/fur-elise.mid"), temp, "songs/deep/elise.mid");
        Path list = temp.resolve("list.txt");
        Files.writeString(list, String.join("\n",
                "# my favourites",
                "",
                "songs/deep/elise.mid",
                "   ",
                "  songs/clementi.mid  ",
                "# songs/missing.mid",
                "songs/./clementi.mid",
                ""), StandardCharsets.UTF_8);

        List<SourceFile> files = SourceFiles.find(list, null);

        assertThat(files).extracting(SourceFile::name).containsExactly("songs/clementi.mid", "songs/deep/elise.mid");
        assertThat(files.get(0).path().toAbsolutePath().normalize()).isEqualTo(clementi.toAbsolutePath().normalize());
    }

    @Test
    void singleMidiFileIsFoundByItsFileName() throws IOException {
        Path file = bundledCorpus().resolve("midly/Beethoven.rmi");

        assertThat(SourceFiles.find(file, null)).containsExactly(new SourceFile(file, "Beethoven.rmi"));
    }

    @Test
    void missingPathIsAnIOExceptionNamingIt() {
        Path missing = temp.resolve("nowhere/at-all");

        assertThatThrownBy(() -> SourceFiles.find(missing, null))
                .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
    }
}
