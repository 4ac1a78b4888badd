/**
 * Reads and writes token datasets in the binidx format (Megatron's {@code MMapIndexedDataset}),
 * the {@code NAME.bin} + {@code NAME.idx} pair that RWKV-LM trains from and json2binidx_tool produces.
 *
 * <p>{@link org.musai.token.binidx.BinIdxWriter} appends documents and publishes both files
 * atomically on close; {@link org.musai.token.binidx.BinIdxReader} validates an existing pair and
 * serves documents or arbitrary windows of the concatenated token stream to concurrent readers.
 */
package org.musai.token.binidx;
