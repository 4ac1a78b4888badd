package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.MemoryProbe;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;

/**
 * A long training run (30 minutes by default; {@code -Dmusai.soak.minutes} shortens it, to 10 at least, since the
 * first 5 are warm-up) with checkpoints and validation as usual, its resident memory and live heap sampled every
 * minute: after the warm-up, resident memory must not grow by 1% or more per ten minutes, nor the heap after a GC by
 * 2 MiB. Runs only in the soak profile ({@code mvn -B -Psoak verify}), whose JVM commits its whole heap at the start,
 * so that the resident figure follows native memory, not the heap's resizing.
 */
@Tag("soak")
class TrainingSoakTest {

    /** Growth allowed after the warm-up: a leak of even a few KB a step shows above it within 30 minutes. */
    private static final double MAX_GROWTH_PER_TEN_MINUTES = 0.01;
    /** The live heap is about 10-15 MiB and varies by a MiB or two between samples. */
    private static final double MAX_HEAP_GROWTH_MIB_PER_TEN_MINUTES = 2;

    @TempDir
    Path dir;

    @Test
    void residentMemoryStaysFlatOverALongRun() throws Exception {
        MemoryProbe.assumeAvailable();
        double minutes = Double.parseDouble(System.getProperty("musai.soak.minutes", "30"));
        double sampleMinutes = Double.parseDouble(System.getProperty("musai.soak.sampleMinutes", "1"));
        // native memory (the allocator's arenas, PyTorch's caches) grows for the first two or three minutes, then
        // stays within a few MiB: measured beside a run without checkpoints, which grew the same way
        double warmUpMinutes = Double.parseDouble(System.getProperty("musai.soak.warmUpMinutes", "5"));
        Path dataset = dir.resolve("dataset");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        // far more steps than the time allows: the clock ends the run
        TrainingOptions options = new TrainingOptions(dataset, null, 0, dir.resolve("run"), null, 64, 4, 64, 2,
                100_000, 100, 1e-3, 0, 0, false, true, 0f, "cpu", 5, 0.1, 50);

        List<Double> times = new ArrayList<>();
        List<Double> resident = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        CancellationToken stop = new CancellationToken();
        long start = System.nanoTime();
        TrainingSummary summary = new Trainer().train(options, new TrainingListener() {
            private double nextSample = 0;

            // sampled at the same point of the cycle each time, just after a checkpoint: between steps, with the
            // step's arrays freed, so that the figures compare like with like
            @Override
            public void checkpointed(Path folder, long step) {
                double elapsed = (System.nanoTime() - start) / 60e9;
                if (elapsed >= nextSample) {
                    times.add(elapsed);
                    heap.add(MemoryProbe.heapAfterGcMiB());
                    resident.add(MemoryProbe.residentMiB());
                    System.out.printf("soak %5.1f min  step %7d  RSS %7.1f MiB  heap after GC %6.1f MiB%n", elapsed,
                            step, resident.get(resident.size() - 1), heap.get(heap.size() - 1));
                    nextSample += sampleMinutes;
                }
                if (elapsed >= minutes) {
                    stop.cancel();
                }
            }
        }, stop);

        List<Double> t = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> heapAfterGc = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) >= warmUpMinutes) {
                t.add(times.get(i));
                rss.add(resident.get(i));
                heapAfterGc.add(heap.get(i));
            }
        }
        assertThat(t).as("samples after the warm-up").hasSizeGreaterThanOrEqualTo(3);
        double rssGrowth = MemoryProbe.relativeSlope(t, rss) * 10;
        double meanHeap = heapAfterGc.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double heapGrowthMiB = MemoryProbe.relativeSlope(t, heapAfterGc) * 10 * meanHeap;
        double meanRss = rss.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("soak: %d steps in %.1f min; after %.1f min of warm-up RSS %.1f-%.1f MiB, slope %+.3f%% "
                        + "(%+.2f MiB) per 10 min (limit %.1f%%); heap after GC slope %+.2f MiB per 10 min "
                        + "(limit %.1f)%n", summary.steps(), minutes, warmUpMinutes, min(rss), max(rss),
                rssGrowth * 100, rssGrowth * meanRss, MAX_GROWTH_PER_TEN_MINUTES * 100, heapGrowthMiB,
                MAX_HEAP_GROWTH_MIB_PER_TEN_MINUTES);
        assertThat(rssGrowth).isLessThan(MAX_GROWTH_PER_TEN_MINUTES);
        // the heap is resident in full from the start (AlwaysPreTouch), so a Java leak shows only here
        assertThat(heapGrowthMiB).isLessThan(MAX_HEAP_GROWTH_MIB_PER_TEN_MINUTES);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
