/**
 * The MMM tokenization (Ens &amp; Pasquier, "MMM: Exploring Conditional Multi-Track Music Generation with the
 * Transformer", 2020): {@link org.musai.token.mmm.MmmTokenizer} writes a score as one bar sequence per track and
 * reads any sequence back; {@link org.musai.token.mmm.MmmTokenIds} tells a generator which id is which token.
 */
package org.musai.token.mmm;
