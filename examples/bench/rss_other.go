//go:build !unix

package main

// peakRSSMiB is 0 where the system gives no peak resident set size through syscall.
func peakRSSMiB() float64 { return 0 }
