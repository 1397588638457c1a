using FerOrleans.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(FerCommands.Configure);
return await app.RunAsync(args);
