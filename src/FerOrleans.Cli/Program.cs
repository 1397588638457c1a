using FerOrleans.Cli;
using FerOrleans.Learning.Training;
using Spectre.Console.Cli;

// First of all, so that the threads started later, training among them, share the tuned heap.
try
{
    NativeHeap.Configure();
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var app = new CommandApp();
app.Configure(FerCommands.Configure);
return await app.RunAsync(args);
