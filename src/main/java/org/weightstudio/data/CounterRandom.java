package org.weightstudio.data;

/**
 * Random numbers addressed by a key rather than by how many were drawn before: after
 * {@link #reset(long, long, int)} with (seed, step, position) the stream is the same whatever
 * was drawn earlier, on any thread. That is what lets an augmented run resume at step s and
 * still replay bit for bit. SplitMix64 (Steele, Lea and Flood 2014) mixes the key into a state
 * and then walks it by the golden-ratio increment. A mutable object reused for every image, so
 * drawing allocates nothing; not thread-safe.
 */
final class CounterRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    /** Starts the stream of image {@code position} of the batch of update {@code step}. */
    void reset(long seed, long step, int position) {
        state = mix(mix(mix(seed) + step) + position);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        state += GOLDEN;
        return (mix(state) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    double nextSigned() {
        return 2 * nextDouble() - 1;
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
