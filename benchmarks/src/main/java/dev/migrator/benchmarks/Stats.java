package dev.migrator.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timed runs of one contender in one workload, in milliseconds. */
final class Stats {

    private final List<Double> ms = new ArrayList<>();

    void add(double millis) {
        this.ms.add(millis);
    }

    int count() {
        return this.ms.size();
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(this.ms.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(this.ms);
        Collections.sort(sorted);
        return sorted;
    }

}
