using FerOrleans.Hosting;
using FerOrleans.Learning.Training;

// First of all, so that the threads started later, the training slots among them, share the tuned heap.
NativeHeap.Configure();

// A stand-alone silo configured from the environment (FER_* variables, see docs/cluster.md), as containers run it.
var options = FerSiloEnvironment.Read();

await using var app = FerSiloHost.Build(options);
await app.RunAsync();
