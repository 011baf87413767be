"""Benchmarks: content generators and timing harnesses (see bench/README.md)."""
