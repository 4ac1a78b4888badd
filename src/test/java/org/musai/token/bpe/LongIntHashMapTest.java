package org.musai.token.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {

    @Test
    void agreesWithAHashMapThroughManyResizes() {
        LongIntHashMap map = new LongIntHashMap(0);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            long key = PairKey.pack(random.nextInt(1_000), random.nextInt(1_000));
            int value = random.nextInt(Integer.MAX_VALUE);
            map.put(key, value);
            expected.put(key, value);
        }

        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(PairKey.pack(1_000, 0))).isEqualTo(LongIntHashMap.ABSENT);
    }

    @Test
    void rejectsNegativeKeysAndValues() {
        LongIntHashMap map = new LongIntHashMap(4);

        assertThatThrownBy(() -> map.put(-1L, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.put(1L, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packedPairsOrderByLeftThenRight() {
        long pair = PairKey.pack(Integer.MAX_VALUE, 7);

        assertThat(PairKey.left(pair)).isEqualTo(Integer.MAX_VALUE);
        assertThat(PairKey.right(pair)).isEqualTo(7);
        assertThat(PairKey.pack(1, Integer.MAX_VALUE)).isLessThan(PairKey.pack(2, 0));
        assertThat(PairKey.pack(2, 3)).isLessThan(PairKey.pack(2, 4));
    }
}
