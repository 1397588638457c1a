using FerOrleans.Hosting;

// A stand-alone silo configured from the environment (FER_* variables, see docs/cluster.md), as containers run it.
var options = FerSiloEnvironment.Read();

await using var app = FerSiloHost.Build(options);
await app.RunAsync();
