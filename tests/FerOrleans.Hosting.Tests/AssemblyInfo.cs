// The scrape fixture trains a run with libtorch's process-wide thread pool; run the tests one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
