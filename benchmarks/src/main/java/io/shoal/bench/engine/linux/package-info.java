/** The benchmark's host side: umoci to build the image, raw runc as the baseline, /proc and du for memory and disk. */
package io.shoal.bench.engine.linux;
