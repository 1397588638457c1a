using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FerOrleans.Contracts.Runs;

namespace FerOrleans.Grains.Training;

/// <summary>
/// The training slots of this silo: a queue of runs and one dedicated long-running thread per slot, each
/// bound to the CPU or to one CUDA device. Training never runs on the thread pool, so grain calls and the
/// silo's health checks stay responsive.
/// </summary>
public sealed class TrainingSlots(
    IOptions<TrainingSlotOptions> options,
    ICudaDeviceCount cudaDevices,
    Func<RunDefinition, TrainingSlot, IRunJob> createJob,
    ILogger<TrainingSlots> logger) : IHostedService, IDisposable
{
    private readonly BlockingCollection<RunDefinition> _queue = new();
    /// <summary>Runs queued or training here, each with the source that cancels it on request.</summary>
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Thread> _threads = [];
    private readonly Lock _admission = new();
    private readonly IReadOnlyList<TrainingSlot> _slots = options.Value.Declare();

    /// <summary>Number of slots; a silo with none accepts no runs.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>The declared slots, CPU slots first.</summary>
    public IReadOnlyList<TrainingSlot> Slots => _slots;

    /// <summary>Runs queued or training on this silo.</summary>
    public int HeldCount => _held.Count;

    /// <summary>Slots not taken by a queued or training run.</summary>
    public int FreeSlots => Math.Max(0, SlotCount - _held.Count);

    /// <summary>True while the run is queued or training on this silo.</summary>
    public bool Holds(string runId) => _held.ContainsKey(runId);

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

    /// <summary>
    /// Queues the run only when a slot is free, so a silo never admits more runs than it has slots.
    /// Returns true when the run is queued now or was admitted before.
    /// </summary>
    public bool TryEnqueue(RunDefinition run)
    {
        lock (_admission)
        {
            if (_held.ContainsKey(run.RunId))
            {
                return true;
            }

            if (_held.Count >= SlotCount)
            {
                return false;
            }

            _held.TryAdd(run.RunId, new CancellationTokenSource());
            _queue.Add(run);
            return true;
        }
    }

    /// <summary>
    /// Frees the run's slot for admission once its outcome is reported. The slot thread may still be finishing
    /// the job, so a newly admitted run waits for it in the queue.
    /// </summary>
    public void Release(string runId) => _held.TryRemove(runId, out _);


    /// <exception cref="InvalidOperationException">This silo has no training slots.</exception>
    public void ThrowIfNoSlots()
    {
        if (SlotCount == 0)
        {
            throw new InvalidOperationException(
                "This silo has no training slots (CpuSlots = 0 and no CudaDevices); runs must go to a silo that has some.");
        }
    }

    /// <summary>Checks the CUDA device ids, then starts one thread per slot.</summary>
    /// <exception cref="InvalidOperationException">A configured CUDA device does not exist.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CudaDevices.Count > 0)
        {
            options.Value.ThrowIfMissingDevices(cudaDevices.Count());
        }

        foreach (var slot in _slots)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"fer-slot-{slot.Index}" };
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

    private void Work(object? state)
    {
        var slot = (TrainingSlot)state!;
        try
        {
            foreach (var run in _queue.GetConsumingEnumerable(_stopping.Token))
            {
                logger.SlotTakesRun(slot.Index, run.RunId);
                _held.TryGetValue(run.RunId, out var cancel);
                try
                {
                    createJob(run, slot).Execute(_stopping.Token, cancel?.Token ?? CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The job could not even report its failure (the silo is going down, say): log it and
                    // keep the slot alive. The run stays queued or running and a resume picks it up.
                    logger.SlotJobCrashed(ex, slot.Index, run.RunId);
                }
                finally
                {
                    // Only this job's entry: a released run may have been admitted again with a new source.
                    if (cancel is not null)
                    {
                        _held.TryRemove(KeyValuePair.Create(run.RunId, cancel));
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
