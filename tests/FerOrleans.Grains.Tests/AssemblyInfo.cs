// Torch tests share the process-wide thread pool of libtorch; run them one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
