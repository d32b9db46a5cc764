package dev.parley.rtc.media.synthetic;

import java.util.Random;

/**
 * Tileable value noise: random values on a square lattice, smoothly interpolated in between. On a torus of
 * {@code width x height} pixels (both multiples of the cell size) the lattice wraps, so the result tiles. Summing
 * octaves of halving cell sizes gives fractal, cloud-like detail down to the finest cell.
 */
final class ValueNoise {

    private ValueNoise() {
    }

    /**
     * Adds {@code amplitude} times one octave of noise (values in [-1, 1]) with lattice cells of {@code cell} pixels
     * to {@code acc} ({@code width * height} floats, row-major).
     */
    static void addOctave(float[] acc, int width, int height, int cell, float amplitude, Random rnd) {
        int nx = width / cell;
        int ny = height / cell;
        float[] lattice = new float[nx * ny];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rnd.nextFloat() * 2 - 1;
        }
        // Smoothstep weight of each position within a cell, sampled at pixel centres.
        float[] weight = new float[cell];
        for (int k = 0; k < cell; k++) {
            float t = (k + 0.5f) / cell;
            weight[k] = t * t * (3 - 2 * t);
        }
        float[] column = new float[nx];
        for (int row = 0; row < height; row++) {
            int iy = row / cell;
            int iy1 = (iy + 1) % ny;
            float fy = weight[row % cell];
            for (int ix = 0; ix < nx; ix++) {
                float top = lattice[iy * nx + ix];
                column[ix] = top + (lattice[iy1 * nx + ix] - top) * fy;
            }
            int base = row * width;
            for (int ix = 0; ix < nx; ix++) {
                float a = column[ix];
                float b = column[ix + 1 == nx ? 0 : ix + 1];
                int x0 = ix * cell;
                for (int k = 0; k < cell; k++) {
                    acc[base + x0 + k] += amplitude * (a + (b - a) * weight[k]);
                }
            }
        }
    }

    /**
     * Fractal noise: octaves with cells {@code largestCell, largestCell/2, ..., smallestCell}, each octave's
     * amplitude {@code persistence} times the previous one, normalised so the amplitudes sum to 1.
     */
    static float[] fractal(int width, int height, int largestCell, int smallestCell, float persistence, Random rnd) {
        float[] acc = new float[width * height];
        float total = 0;
        float a = 1;
        for (int cell = largestCell; cell >= smallestCell; cell /= 2) {
            total += a;
            a *= persistence;
        }
        a = 1 / total;
        for (int cell = largestCell; cell >= smallestCell; cell /= 2) {
            addOctave(acc, width, height, cell, a, rnd);
            a *= persistence;
        }
        return acc;
    }
}
