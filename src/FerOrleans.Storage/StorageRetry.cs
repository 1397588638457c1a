using System.Diagnostics;

namespace FerOrleans.Storage;

/// <summary>Retries a whole store operation with exponential backoff and jitter while its errors are transient.</summary>
public static class StorageRetry
{
    /// <summary>
    /// Runs <paramref name="operation"/>, and again after each transient error (see
    /// <see cref="TransientStorageErrors.IsTransient"/>) until <see cref="StorageRetryOptions.MaxRetries"/> retries
    /// are spent. Only give it operations that are safe to repeat.
    /// </summary>
    /// <param name="operation">The operation; it receives <paramref name="ct"/>.</param>
    /// <param name="description">What the operation does, for the error message.</param>
    /// <param name="options">Retry count and delays.</param>
    /// <param name="onRetry">Called before each delay with the error, the 1-based retry number and the delay.</param>
    /// <param name="ct">Cancels the operation and the delays.</param>
    /// <exception cref="StorageUnavailableException">The last try failed with a transient error.</exception>
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> operation,
        string description,
        StorageRetryOptions options,
        Action<Exception, int, TimeSpan>? onRetry = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(options);

        var watch = Stopwatch.StartNew();
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await operation(ct);
            }
            catch (Exception ex) when (IsRetryable(ex, ct) && retry <= options.MaxRetries)
            {
                var delay = Jitter(options.DelayBefore(retry));
                onRetry?.Invoke(ex, retry, delay);
                await Task.Delay(delay, ct);
            }
            catch (Exception ex) when (IsRetryable(ex, ct))
            {
                throw new StorageUnavailableException(description, retry, watch.Elapsed, ex);
            }
        }
    }

    /// <summary>A transient error, or a timeout of the HTTP client that the caller did not ask for.</summary>
    private static bool IsRetryable(Exception ex, CancellationToken ct) =>
        ex.IsTransient() || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    /// <summary>Adds up to 20% either way, so that many waiting writers do not retry in lockstep.</summary>
    private static TimeSpan Jitter(TimeSpan delay) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (0.4 * Random.Shared.NextDouble()))));
}
