package org.musai.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;

/** {@link BarGrid} finds bars by search; checked against walking the bars one by one. */
class BarGridTest {

    private final Quantization q = new Quantization(TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI));
    private final Quantizer quantizer = new Quantizer(q);

    @Test
    void barsFoundBySearchAreTheBarsWalkedOneByOne() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<TimeSignature> meters = quantizer.quantize(scoreWithMeters(random, 1 + random.nextInt(300)))
                    .timeSignatures();
            BarGrid grid = BarGrid.of(meters, q);

            int position = 0;
            int segment = 0;
            for (int bar = 0; bar < 2000; bar++) {
                if (segment + 1 < meters.size() && meters.get(segment + 1).tick() / q.ticksPerPosition() == position) {
                    segment++;
                }
                int length = q.barPositions(meters.get(segment));
                assertThat(grid.barStart(bar)).as("bar %d", bar).isEqualTo(position);
                assertThat(grid.barLength(bar)).isEqualTo(length);
                assertThat(grid.barAt(position)).isEqualTo(bar);
                assertThat(grid.barAt(position + length - 1)).isEqualTo(bar);
                assertThat(grid.meterOfBar(bar).sameMeter(meters.get(segment))).isTrue();
                int nextChange = segment + 1 < meters.size() ? meters.get(segment + 1).tick() / q.ticksPerPosition()
                        : Integer.MAX_VALUE;
                assertThat(grid.meterChangeAfter(bar)).isEqualTo(nextChange);
                position += length;
            }
        }
    }

    /** A score of no notes whose meter changes at random ticks, many of them a bar apart. */
    private static Score scoreWithMeters(Random random, int changes) {
        int[][] meters = {{4, 4}, {3, 4}, {6, 8}, {2, 4}, {7, 8}, {5, 16}};
        List<TimeSignature> list = new ArrayList<>();
        int tick = 0;
        for (int i = 0; i < changes; i++) {
            int[] meter = meters[random.nextInt(meters.length)];
            list.add(new TimeSignature(tick, meter[0], meter[1]));
            tick += 96 * (1 + random.nextInt(8));
        }
        return new Score(96, List.of(), List.of(), list);
    }
}
