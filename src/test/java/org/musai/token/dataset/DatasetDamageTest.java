package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/** A damaged dataset is refused with a message that names the file and the problem. */
class DatasetDamageTest {

    @TempDir
    Path temp;

    private Path built() throws Exception {
        Path out = temp.resolve("ds");
        new DatasetBuilder().build(request(bundledSources().subList(0, 3), out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());
        return out;
    }

    @Test
    void aManifestThatIsNotJsonIsNamed() throws Exception {
        Path ds = built();
        Path manifest = ds.resolve(Manifest.FILE_NAME);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> Dataset.open(ds)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("is damaged");
    }

    @Test
    void aManifestOfAnotherShapeIsNamed() throws Exception {
        Path ds = built();
        Path manifest = ds.resolve(Manifest.FILE_NAME);
        Files.writeString(manifest, "[1, 2, 3]");
        assertThatThrownBy(() -> Dataset.open(ds)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(manifest.toString()).hasMessageContaining("line 1");
    }
}
