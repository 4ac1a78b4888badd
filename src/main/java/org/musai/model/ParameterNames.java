package org.musai.model;

/** The parameter names of RWKV-LM's v4neo checkpoints, so that weights move to and from it unchanged. */
public final class ParameterNames {

    public static final String EMBEDDING = "emb.weight";
    public static final String LN0_WEIGHT = "blocks.0.ln0.weight";
    public static final String LN0_BIAS = "blocks.0.ln0.bias";
    public static final String LN_OUT_WEIGHT = "ln_out.weight";
    public static final String LN_OUT_BIAS = "ln_out.bias";
    public static final String HEAD = "head.weight";
    public static final String HEAD_Q = "head_q.weight";
    public static final String HEAD_K = "head_k.weight";

    private ParameterNames() {
    }

    /** A name inside block {@code layer}, such as "blocks.2.att.time_decay". */
    public static String block(int layer, String name) {
        return "blocks." + layer + "." + name;
    }
}
