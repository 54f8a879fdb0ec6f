package org.weightstudio.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid inputs: bit flips, random or extreme bytes, truncation, insertions,
 * absurd 32-bit header values; for JSON also wrong types, absurd numbers and removed fields.
 * Each method returns the mutated input and says what it did in {@link Mutated#how()}.
 */
public final class Mutator {
    private static final int[] EXTREME_INTS = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF_FFFE,
        1_369_000, 65_536, 4_097, 28};
    private static final String[] ABSURD_NUMBERS = {"1e308", "-1e308", "1e309", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "3e38", "-0", "1e-320", "2147483648", "-2147483649",
        "0.5", "NaN", "Infinity", "123456789012345678901234567890"};

    private final Random random;

    public Mutator(Random random) {
        this.random = random;
    }

    public record Mutated<T>(T value, String how) {
    }

    /** One to three byte-level mutations of {@code valid}. */
    public Mutated<byte[]> bytes(byte[] valid, int headerLength) {
        byte[] b = valid.clone();
        StringBuilder how = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            b = mutateOnce(b, headerLength, how);
        }
        return new Mutated<>(b, how.toString());
    }

    private byte[] mutateOnce(byte[] b, int headerLength, StringBuilder how) {
        if (b.length == 0) {
            how.append("grow ");
            return new byte[] {(byte) random.nextInt()};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(7)) {
            case 0 -> {
                int bit = random.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                how.append("flip bit ").append(bit).append(" of byte ").append(at).append(' ');
            }
            case 1 -> {
                b[at] = (byte) random.nextInt(256);
                how.append("random byte at ").append(at).append(' ');
            }
            case 2 -> {
                int cut = random.nextInt(b.length);
                how.append("truncate to ").append(cut).append(' ');
                return Arrays.copyOf(b, cut);
            }
            case 3 -> {
                int len = 1 + random.nextInt(16);
                byte[] extra = new byte[len];
                random.nextBytes(extra);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                how.append("insert ").append(len).append(" bytes at ").append(at).append(' ');
                return out;
            }
            case 4 -> {
                // a 32-bit big-endian field of the header set to an absurd value
                int limit = Math.max(1, Math.min(headerLength, b.length) - 3);
                int pos = random.nextInt(limit);
                int v = EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
                for (int i = 0; i < 4 && pos + i < b.length; i++) {
                    b[pos + i] = (byte) (v >>> (24 - 8 * i));
                }
                how.append("int ").append(v).append(" at ").append(pos).append(' ');
            }
            case 5 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(64));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                how.append("delete ").append(len).append(" bytes at ").append(at).append(' ');
                return out;
            }
            default -> {
                byte v = random.nextBoolean() ? 0 : (byte) 0xFF;
                int len = Math.min(b.length - at, 1 + random.nextInt(8));
                Arrays.fill(b, at, at + len, v);
                how.append("fill ").append(len).append(" bytes at ").append(at).append(" with ").append(v).append(' ');
            }
        }
        return b;
    }

    /**
     * A mutation of the JSON {@code valid}: mostly at the level of values (wrong type, absurd
     * number, removed or emptied field, an element of an array changed), sometimes at the level
     * of its bytes (broken syntax).
     */
    public Mutated<String> json(String valid) {
        if (random.nextInt(4) == 0) {
            Mutated<byte[]> m = bytes(valid.getBytes(StandardCharsets.UTF_8), valid.length());
            return new Mutated<>(new String(m.value(), StandardCharsets.UTF_8), "bytes: " + m.how());
        }
        JsonElement tree = JsonParser.parseString(valid);
        StringBuilder how = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            tree = mutateTree(tree, how, "$");
        }
        return new Mutated<>(tree.toString(), how.toString());
    }

    private JsonElement mutateTree(JsonElement e, StringBuilder how, String path) {
        if (e.isJsonObject() && e.getAsJsonObject().size() > 0 && random.nextInt(4) != 0) {
            JsonObject o = e.getAsJsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(8) == 0) {
                o.remove(key);
                how.append("remove ").append(path).append('.').append(key).append(' ');
            } else {
                o.add(key, mutateTree(o.get(key), how, path + "." + key));
            }
            return o;
        }
        if (e.isJsonArray() && e.getAsJsonArray().size() > 0 && random.nextInt(4) != 0) {
            JsonArray a = e.getAsJsonArray();
            int i = random.nextInt(a.size());
            a.set(i, mutateTree(a.get(i), how, path + "[" + i + "]"));
            return a;
        }
        JsonElement replacement = strange();
        how.append(path).append(" := ").append(abbreviate(replacement.toString())).append(' ');
        return replacement;
    }

    /** A value of a surprising type or size. */
    private JsonElement strange() {
        return switch (random.nextInt(9)) {
            case 0 -> new JsonPrimitive("fast");
            case 1 -> new JsonPrimitive(random.nextBoolean());
            case 2 -> com.google.gson.JsonNull.INSTANCE;
            case 3 -> new JsonArray();
            case 4 -> new JsonObject();
            case 5 -> new JsonPrimitive("a\u0000b\t\n");
            case 6 -> new JsonPrimitive(random.nextInt());
            case 7 -> new JsonPrimitive(new java.math.BigDecimal(randomAbsurdNumber()));
            default -> new JsonPrimitive(ABSURD_NUMBERS[random.nextInt(ABSURD_NUMBERS.length)]);
        };
    }

    private String randomAbsurdNumber() {
        String s = ABSURD_NUMBERS[random.nextInt(ABSURD_NUMBERS.length)];
        return s.equals("NaN") || s.equals("Infinity") ? "1e400" : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 27) + "..." : s;
    }
}
