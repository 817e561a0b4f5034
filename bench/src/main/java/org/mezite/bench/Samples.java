package org.mezite.bench;

import java.util.Arrays;

/** Durations in milliseconds, with nearest-rank percentiles. */
final class Samples {

    private double[] values = new double[64];
    private int size;

    void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    int size() {
        return size;
    }

    double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double mean() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? Double.NaN : sum / size;
    }

    double min() {
        return percentile(0);
    }

    double max() {
        return percentile(100);
    }
}
