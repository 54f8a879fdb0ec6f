package org.weightstudio.fuzz;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Settings of the seeded fuzz tests: {@value #CASES} parameterised cases per kind of input, each
 * of {@link #perCase()} mutated inputs (100 in {@code mvn verify}, 2,000 per kind; 1,000 a case
 * with {@code -Pfuzz}, or {@code -Dfuzz.perCase=N}). Case {@code c} draws its inputs from
 * {@code new Random(seed() + c)}; the base seed is {@value #DEFAULT_SEED} unless
 * {@code mvn -Dfuzz.seed=S} says otherwise (the pom passes both on as {@code weightstudio.fuzz.*}
 * system properties), so a failure names its seed and replays.
 */
public final class Fuzz {
    public static final int CASES = 20;
    public static final long DEFAULT_SEED = 20_261_130L;

    private Fuzz() {
    }

    public static int perCase() {
        return Integer.getInteger("weightstudio.fuzz.perCase", 100);
    }

    public static long seed() {
        return Long.getLong("weightstudio.fuzz.seed", DEFAULT_SEED);
    }

    /** The case numbers 0 .. CASES-1, for {@code @MethodSource}. */
    public static IntStream cases() {
        return IntStream.range(0, CASES);
    }

    /** The random source of case {@code c}, its seed printed so a failure can be replayed. */
    public static Random random(String kind, int c) {
        long seed = seed() + c;
        System.out.println("fuzz " + kind + " case " + c + ": " + perCase() + " inputs, seed " + seed
                + " (replay: -Dweightstudio.fuzz.seed=" + seed() + ")");
        return new Random(seed);
    }

    /** Where input {@code i} of case {@code c} came from, for assertion messages. */
    public static String origin(String kind, int c, int i, String mutation) {
        return kind + " case " + c + " input " + i + " (base seed " + seed() + "; " + mutation + ")";
    }
}
