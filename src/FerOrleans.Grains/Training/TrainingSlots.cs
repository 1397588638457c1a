using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FerOrleans.Contracts.Runs;

namespace FerOrleans.Grains.Training;

/// <summary>
/// The training slots of this silo: a queue of runs and one dedicated long-running thread per slot.
/// Training never runs on the thread pool, so grain calls and the silo's health checks stay responsive.
/// </summary>
public sealed class TrainingSlots(
    IOptions<TrainingSlotOptions> options,
    Func<RunDefinition, RunJob> createJob,
    ILogger<TrainingSlots> logger) : IHostedService, IDisposable
{
    private readonly BlockingCollection<RunDefinition> _queue = new();
    /// <summary>Runs queued or training here, each with the source that cancels it on request.</summary>
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _threads = [];

    /// <summary>Number of slots; a silo with none accepts no runs.</summary>
    public int SlotCount => options.Value.CpuSlots;

    /// <summary>True while the run is queued or training on this silo.</summary>
    public bool Holds(string runId) => _held.ContainsKey(runId);

    /// <exception cref="InvalidOperationException">This silo has no training slots.</exception>
    public void Enqueue(RunDefinition run)
    {
        ThrowIfNoSlots();
        var cancel = new CancellationTokenSource();
        if (_held.TryAdd(run.RunId, cancel))
        {
            _queue.Add(run);
        }
        else
        {
            cancel.Dispose();
        }
    }

    /// <summary>
    /// Asks the run's job to stop at its next step boundary, or to skip it when it is still queued.
    /// Returns false when this silo does not hold the run.
    /// </summary>
    public bool Cancel(string runId)
    {
        if (!_held.TryGetValue(runId, out var cancel))
        {
            return false;
        }

        try
        {
            cancel.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            // The job ended between the lookup and the cancel.
            return false;
        }
    }

    /// <exception cref="InvalidOperationException">This silo has no training slots.</exception>
    public void ThrowIfNoSlots()
    {
        if (SlotCount == 0)
        {
            throw new InvalidOperationException("This silo has no training slots (CpuSlots = 0); runs must go to a silo that has some.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var slot = 0; slot < SlotCount; slot++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"fer-slot-{slot}" };
            _threads.Add(thread);
            thread.Start(slot);
        }
        logger.SlotsStarted(SlotCount, options.Value.EffectiveTorchThreads);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(30));
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _queue.Dispose();
    }

    private void Work(object? slot)
    {
        try
        {
            foreach (var run in _queue.GetConsumingEnumerable(_stopping.Token))
            {
                logger.SlotTakesRun((int)slot!, run.RunId);
                try
                {
                    createJob(run).Execute(_stopping.Token, _held.TryGetValue(run.RunId, out var cancel) ? cancel.Token : default);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The job could not even report its failure (the silo is going down, say): log it and
                    // keep the slot alive. The run stays queued or running and a resume picks it up.
                    logger.SlotJobCrashed(ex, (int)slot!, run.RunId);
                }
                finally
                {
                    if (_held.TryRemove(run.RunId, out var cancel))
                    {
                        cancel.Dispose();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: queued runs stay queued in their grains and are resumed on the next start.
        }
    }
}
