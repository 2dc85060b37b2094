/**
 * Benchmark tooling: {@code java -jar civicloop.jar generate-data --opinions=10000000} fills the
 * database with generated Chinese opinions, work orders and suggestions at provincial scale (see
 * docs/benchmarks.md and scripts/benchmark). Writes other modules' tables directly, by COPY and
 * set-based SQL, the way a bulk import would; nothing at run time depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "language" })
package org.civicloop.benchmark;
