package io.shoal.scheduler.rank;

import java.util.Arrays;

/** A binary min-heap of primitive longs (packed {@link NodeRank} keys), built in linear time. */
public final class LongHeap {
    private long[] a;
    private int size;

    public LongHeap(int capacity) {
        a = new long[Math.max(1, capacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Appends without ordering; call {@link #heapify()} before the first {@link #poll()}. */
    public void addUnordered(long key) {
        grow();
        a[size++] = key;
    }

    public void heapify() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    public void add(long key) {
        grow();
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (a[parent] <= key) {
                break;
            }
            a[i] = a[parent];
            i = parent;
        }
        a[i] = key;
    }

    public long poll() {
        if (size == 0) {
            throw new IllegalStateException("empty heap");
        }
        long top = a[0];
        a[0] = a[--size];
        if (size > 0) {
            siftDown(0);
        }
        return top;
    }

    private void siftDown(int i) {
        long key = a[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && a[child + 1] < a[child]) {
                child++;
            }
            if (key <= a[child]) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = key;
    }

    private void grow() {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
    }
}
