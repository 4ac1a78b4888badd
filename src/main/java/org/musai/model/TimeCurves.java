package org.musai.model;

/**
 * RWKV-4's initial time_decay, time_first and time-mix values: slow-to-fast decays across channels, a zigzag
 * bonus for the current token, and mixes that lean on the current token in early layers. As the seed computes them.
 */
final class TimeCurves {

    private TimeCurves() {
    }

    static void fill(String name, int layer, RwkvConfig config, float[] values) {
        int c = config.embed();
        int layers = config.layers();
        double ratio0To1 = (double) layer / Math.max(layers - 1, 1);
        double ratio1ToAlmost0 = 1.0 - (double) layer / layers;
        for (int h = 0; h < c; h++) {
            double ddd = (double) h / c;
            double value;
            if (name.endsWith("att.time_decay")) {
                value = -5 + 8 * Math.pow((double) h / (c - 1), 0.7 + 1.3 * ratio0To1);
            } else if (name.endsWith("att.time_first")) {
                value = Math.log(0.3) + 0.5 * ((h + 1) % 3 - 1);
            } else if (name.endsWith("att.time_mix_v")) {
                value = Math.pow(ddd, ratio1ToAlmost0) + 0.3 * ratio0To1;
            } else if (name.endsWith("att.time_mix_r")) {
                value = Math.pow(ddd, 0.5 * ratio1ToAlmost0);
            } else {
                value = Math.pow(ddd, ratio1ToAlmost0); // att.time_mix_k, ffn.time_mix_k, ffn.time_mix_r
            }
            values[h] = (float) value;
        }
    }
}
