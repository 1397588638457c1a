using FerOrleans.Cli.Commands.Bench;
using FerOrleans.Cli.Commands.Cam;
using FerOrleans.Cli.Commands.Data;
using FerOrleans.Cli.Commands.Predict;
using FerOrleans.Cli.Commands.Quickstart;
using FerOrleans.Cli.Commands.Run;
using FerOrleans.Cli.Commands.Silo;
using FerOrleans.Cli.Commands.Sweep;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FerOrleans.Cli;

/// <summary>The command tree of <c>fer</c>.</summary>
public static class FerCommands
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("fer");
        config.SetExceptionHandler(ReportError);
        config.AddCommand<QuickstartCommand>("quickstart")
            .WithDescription("Import faces, run a small sweep of the study's approaches on a silo in this process, write the report.");
        config.AddBranch("data", data =>
        {
            data.SetDescription("Data sets in the store.");
            data.AddCommand<DataImportCommand>("import").WithDescription("Read, pre-process and store a data set.");
        });
        config.AddBranch("sweep", sweep =>
        {
            sweep.SetDescription("Sweeps: approaches x splits x ratios x repetitions.");
            sweep.AddCommand<SweepStartCommand>("start").WithDescription("Start a sweep from a YAML spec (idempotent).");
            sweep.AddCommand<SweepStatusCommand>("status").WithDescription("Runs by state, with progress and results.");
            sweep.AddCommand<SweepWatchCommand>("watch").WithDescription("Live progress until the sweep finishes.");
            sweep.AddCommand<SweepResumeCommand>("resume").WithDescription("Continue unfinished runs from their checkpoints.");
            sweep.AddCommand<SweepReportCommand>("report").WithDescription("Write report.md, report.html, PNG figures, results.json and runs.csv.");
            sweep.AddCommand<SweepCancelCommand>("cancel").WithDescription("Stop unfinished runs at their next step; keep their checkpoints.");
            sweep.AddCommand<SweepRerunFailedCommand>("rerun-failed").WithDescription("Reset the attempt count of failed runs and start them again.");
        });
        config.AddBranch("run", run =>
        {
            run.SetDescription("Single runs of a sweep.");
            run.AddCommand<RunShowCommand>("show").WithDescription("Definition, state, attempts, progress, result and checkpoints of a run.");
            run.AddCommand<RunSplitCommand>("split").WithDescription("Print the image ids of a run's training, validation and test parts.");
        });
        config.AddCommand<PredictCommand>("predict").WithDescription("Label images with a trained model.");
        config.AddCommand<CamCommand>("cam").WithDescription("Grad-CAM maps of trained models on images: PNG grids and .npy arrays.");
        config.AddCommand<SiloCommand>("silo").WithDescription("Run a silo in the foreground.");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks that measure and print: training step, input pipeline, run overhead, memory.");
            bench.AddCommand<BenchStepCommand>("step").WithDescription("Median SupCon step time per stem, width and threads.");
            bench.AddCommand<BenchRunCommand>("run").WithDescription("One run's time before the first step, in steps, checkpoints and after the last step.");
            bench.AddCommand<BenchMemoryCommand>("memory").WithDescription("Resident memory every N epochs of one run.");
            bench.AddCommand<BenchPipelineCommand>("pipeline").WithDescription("Pure-step versus end-to-end epoch throughput.");
        });
    }

    /// <summary>Expected failures (bad input) print their message; anything else prints the exception too.</summary>
    private static int ReportError(Exception exception, ITypeResolver? resolver)
    {
        var expected = exception is ArgumentException or FormatException or InvalidOperationException or InvalidDataException
            or FileNotFoundException or DirectoryNotFoundException or CommandAppException;
        AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {UserMessage(exception)}");
        if (!expected)
        {
            AnsiConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
        }
        return 2;
    }

    /// <summary>The message without the "(Parameter 'x')" suffix that ArgumentException adds for developers.</summary>
    public static string UserMessage(Exception exception) =>
        exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;
}
