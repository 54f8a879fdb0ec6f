package org.weightstudio.ui.draw;

/** For the confusion-matrix tests: which cell to click. */
final class Confusions {
    private Confusions() {
    }

    /** {a, b}: the most common confusion, true class a predicted as b (a != b; the first such cell on ties). */
    static int[] mostCommon(int[][] c) {
        int a = 0;
        int b = 1;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                if (i != j && c[i][j] > c[a][b]) {
                    a = i;
                    b = j;
                }
            }
        }
        return new int[] {a, b};
    }
}
