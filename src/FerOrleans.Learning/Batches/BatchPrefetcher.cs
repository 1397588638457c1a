using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using static TorchSharp.torch;

namespace FerOrleans.Learning.Batches;

/// <summary>
/// Builds the batches of a range of epochs ahead of the training step, on a dedicated thread,
/// into a bounded queue of <see cref="Depth"/> ready batches, in (epoch, step) order.
/// </summary>
/// <remarks>
/// Batch (epoch, step) depends only on the seed, the phase and those two numbers (see
/// <see cref="IBatchBuilder"/>), and only the prefetch thread calls the builder, so the batches are
/// the same as without prefetching. The thread makes no torch calls besides creating each batch
/// tensor, so it neither draws from torch's generator nor uses torch's intra-op threads. Batch
/// tensors are created outside the consumer's dispose scope: the consumer disposes each batch.
/// With depth 0 every batch is built on the calling thread inside <see cref="Next"/>.
/// </remarks>
public sealed class BatchPrefetcher : IDisposable
{
    /// <summary>Ready batches held by default: one being consumed while the next is built.</summary>
    public const int DefaultDepth = 2;

    private readonly IBatchBuilder builder;
    private readonly Device device;
    private readonly int endEpoch;
    private readonly BlockingCollection<TrainingBatch>? queue;
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread? thread;
    private volatile ExceptionDispatchInfo? failure;
    private int nextEpoch;
    private int nextStep;

    /// <summary>Starts building batches of epochs <paramref name="firstEpoch"/> to <paramref name="endEpoch"/> - 1.</summary>
    /// <param name="depth">Ready batches to hold, at least 0; 0 builds each batch on the calling thread.</param>
    public BatchPrefetcher(IBatchBuilder builder, int firstEpoch, int endEpoch, Device device, int depth = DefaultDepth)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(firstEpoch);
        ArgumentOutOfRangeException.ThrowIfLessThan(endEpoch, firstEpoch);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);

        this.builder = builder;
        this.device = device;
        this.endEpoch = endEpoch;
        nextEpoch = firstEpoch;
        Depth = depth;
        if (depth > 0 && firstEpoch < endEpoch)
        {
            queue = new BlockingCollection<TrainingBatch>(depth);
            thread = new Thread(() => Produce(firstEpoch)) { IsBackground = true, Name = "fer-batch-prefetch" };
            thread.Start();
        }
    }

    /// <summary>Bound of the queue of ready batches; 0 means no prefetching.</summary>
    public int Depth { get; }

    /// <summary>
    /// Returns batch <paramref name="step"/> of epoch <paramref name="epoch"/>, which must be the batch after the
    /// previous one taken. The caller owns and disposes the batch.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch is not the next one in order.</exception>
    public TrainingBatch Next(int epoch, int step)
    {
        if (epoch != nextEpoch || step != nextStep || epoch >= endEpoch)
        {
            throw new InvalidOperationException(
                $"Batches are taken in order; expected epoch {nextEpoch}, step {nextStep} (epochs end before {endEpoch}), "
                + $"but epoch {epoch}, step {step} was requested.");
        }

        Advance();
        if (queue is null)
        {
            return builder.Build(epoch, step, device);
        }

        if (!queue.TryTake(out var ready, Timeout.Infinite))
        {
            failure?.Throw();
            throw new InvalidOperationException($"The prefetch thread ended before it built epoch {epoch}, step {step}.");
        }

        return ready;
    }

    /// <summary>Stops the prefetch thread and disposes the batches it built that nobody took.</summary>
    public void Dispose()
    {
        stopping.Cancel();
        thread?.Join();
        if (queue is not null)
        {
            while (queue.TryTake(out var left))
            {
                left.Dispose();
            }

            queue.Dispose();
        }

        stopping.Dispose();
    }

    private void Advance()
    {
        nextStep++;
        if (nextStep == builder.StepsPerEpoch)
        {
            nextStep = 0;
            nextEpoch++;
        }
    }

    private void Produce(int firstEpoch)
    {
        try
        {
            for (var epoch = firstEpoch; epoch < endEpoch; epoch++)
            {
                for (var step = 0; step < builder.StepsPerEpoch; step++)
                {
                    var batch = builder.Build(epoch, step, device);
                    if (!TryAdd(batch))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // Handed to the consumer, which rethrows it from Next with its original stack trace.
            failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            queue!.CompleteAdding();
        }
    }

    /// <summary>Queues <paramref name="batch"/>, or disposes it and returns false when the prefetcher is stopping.</summary>
    private bool TryAdd(TrainingBatch batch)
    {
        try
        {
            queue!.Add(batch, stopping.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            batch.Dispose();
            return false;
        }
    }
}
